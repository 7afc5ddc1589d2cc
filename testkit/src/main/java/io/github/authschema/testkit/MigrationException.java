package io.github.authschema.testkit;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A migration that PostgreSQL rejected while the kit built its template: which file, which line, the
 * statement, and PostgreSQL's own words. The message says all of it, for a test report.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MigrationException extends SupabaseKitException {
    private final String file;
    private final int line;
    private final String statement;
    private final String sqlState;
    private final String postgresMessage;

    @API(status = API.Status.INTERNAL, since = "0.1")
    public MigrationException(String description, String file, int line, String statement, String sqlState, String postgresMessage,
                              Throwable cause) {
        super("Migration failed: " + description, cause);
        this.file = file;
        this.line = line;
        this.statement = statement;
        this.sqlState = sqlState;
        this.postgresMessage = postgresMessage;
    }

    /** The migration's path as the project names it, such as {@code supabase/migrations/20240101000000_init.sql}. */
    public String file() {
        return file;
    }

    /** 1-based line of the error, or of the failing statement's start; 0 when unknown. */
    public int line() {
        return line;
    }

    /** The statement PostgreSQL rejected, or null when it is not known. */
    public String statement() {
        return statement;
    }

    /** PostgreSQL's SQLSTATE, such as 42P07 for a table that already exists. */
    public String sqlState() {
        return sqlState;
    }

    public String postgresMessage() {
        return postgresMessage;
    }
}
