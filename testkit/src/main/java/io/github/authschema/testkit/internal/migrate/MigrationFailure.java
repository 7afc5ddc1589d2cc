package io.github.authschema.testkit.internal.migrate;

import java.io.Serializable;

/**
 * A migration that PostgreSQL rejected: the file, the line of the failing statement within it, the
 * statement, and PostgreSQL's message and SQLSTATE. Flyway alone hides the statement. {@code line} is
 * 1-based: where the error is, or where the failing statement starts; 0 if unknown.
 */
public record MigrationFailure(MigrationFile file, int line, String statement, String sqlState, String message) implements Serializable {

    /** A multi-line description for people: where, what and PostgreSQL's words. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(file.displayPath()).append(line > 0 ? ":" + line : "").append(": ").append(message);
        if (sqlState != null) {
            sb.append(" (SQLSTATE ").append(sqlState).append(')');
        }
        if (statement != null && !statement.isBlank()) {
            sb.append(System.lineSeparator()).append("    statement: ").append(abbreviate(statement));
        }
        return sb.toString();
    }

    private static String abbreviate(String sql) {
        // the comments Flyway keeps in front of a statement are not the statement
        String code = sql.strip().replaceAll("^(\\s*--[^\\n]*\\n)+", "");
        String oneLine = code.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 297) + "..." : oneLine;
    }

    @Override
    public String toString() {
        return describe();
    }
}
