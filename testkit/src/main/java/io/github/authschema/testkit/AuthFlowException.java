package io.github.authschema.testkit;

/**
 * An auth flow failed in the database, as the auth service would report it: its own wording (such
 * as "Database error saving new user") plus PostgreSQL's error, SQLSTATE and where it happened.
 */
public class AuthFlowException extends SupabaseKitException {
    private final String authMessage;
    private final String sqlState;
    private final String postgresMessage;
    private final String where;

    public AuthFlowException(String authMessage, String sqlState, String postgresMessage, String where, Throwable cause) {
        super(authMessage + ": " + postgresMessage + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")")
                + (where == null || where.isBlank() ? "" : " at " + where.replace('\n', ' ')), cause);
        this.authMessage = authMessage;
        this.sqlState = sqlState;
        this.postgresMessage = postgresMessage;
        this.where = where;
    }

    /** What the auth service tells the client, such as "Database error saving new user". */
    public String authMessage() {
        return authMessage;
    }

    /** PostgreSQL's SQLSTATE, such as 42501 for permission denied; null for a rule of the auth service. */
    public String sqlState() {
        return sqlState;
    }

    public String postgresMessage() {
        return postgresMessage;
    }

    /** PostgreSQL's context, such as "PL/pgSQL function public.handle_new_user() line 3 at SQL statement". */
    public String where() {
        return where;
    }
}
