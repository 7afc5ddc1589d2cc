package io.github.authschema.testkit;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * An auth flow failed as the auth service would report it: its error code and wording (such as
 * "Database error saving new user"), and for a database error PostgreSQL's message, SQLSTATE and
 * where it happened.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class AuthFlowException extends SupabaseKitException {
    private final AuthErrorCode code;
    private final String authMessage;
    private final String sqlState;
    private final String postgresMessage;
    private final String where;

    @API(status = INTERNAL, since = "0.1")
    public AuthFlowException(AuthErrorCode code, String authMessage, String sqlState, String postgresMessage, String where,
                             Throwable cause) {
        super(postgresMessage == null ? code.wireName() + ": " + authMessage
                : authMessage + ": " + postgresMessage + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")")
                + (where == null || where.isBlank() ? "" : " at " + where.replace('\n', ' ')), cause);
        this.code = code;
        this.authMessage = authMessage;
        this.sqlState = sqlState;
        this.postgresMessage = postgresMessage;
        this.where = where;
    }

    /** The auth service's error code, such as {@link AuthErrorCode#PHONE_EXISTS}. */
    public AuthErrorCode code() {
        return code;
    }

    /** What the auth service tells the client, such as "Database error saving new user". */
    public String authMessage() {
        return authMessage;
    }

    /** PostgreSQL's SQLSTATE, such as 42501 for permission denied; null for a rule of the auth service. */
    public String sqlState() {
        return sqlState;
    }

    /** PostgreSQL's message; null for a rule of the auth service. */
    public String postgresMessage() {
        return postgresMessage;
    }

    /** PostgreSQL's context, such as "PL/pgSQL function public.handle_new_user() line 3 at SQL statement". */
    public String where() {
        return where;
    }
}
