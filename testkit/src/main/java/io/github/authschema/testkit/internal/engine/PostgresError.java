package io.github.authschema.testkit.internal.engine;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * What PostgreSQL said about a failed statement, in its parts: the one place the kit and the plugin
 * read pgjdbc's server message. {@code where} is PostgreSQL's context ("PL/pgSQL function … line 3");
 * {@code position} is the 1-based character of the error in the statement, 0 when not given.
 */
public record PostgresError(String sqlState, String message, String detail, String hint, String where, int position) {

    public static PostgresError of(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) {
            return new PostgresError(e.getSQLState(), e.getMessage(), null, null, null, 0);
        }
        return new PostgresError(e.getSQLState(), server.getMessage(), server.getDetail(), server.getHint(), server.getWhere(),
                server.getPosition());
    }

    /** The message with PostgreSQL's detail and hint, as one line for people. */
    public String explained() {
        return message + (detail != null ? " (" + detail + ")" : "") + (hint != null ? ". Hint: " + hint : "");
    }
}
