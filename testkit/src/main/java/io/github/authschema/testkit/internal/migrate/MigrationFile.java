package io.github.authschema.testkit.internal.migrate;

import java.nio.file.Path;

/**
 * One migration script: where it is, how findings should name it ({@code displayPath}: relative to the
 * project, with forward slashes), and its place in the order.
 */
public record MigrationFile(Path path, String displayPath, String version, String description, MigrationLayout layout, String sql) {

    /** The name Flyway sees. Supabase versions are digits, which Flyway accepts as they are. */
    String flywayName() {
        return "V" + version + "__" + description.replace("__", "_") + ".sql";
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
