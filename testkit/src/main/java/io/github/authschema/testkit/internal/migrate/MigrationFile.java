package io.github.authschema.testkit.internal.migrate;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * One migration script: where it is, how findings should name it ({@code displayPath}: relative to the
 * project, with forward slashes), and its place in the order.
 */
public record MigrationFile(Path path, String displayPath, String version, String description, MigrationLayout layout, String sql)
        implements Serializable {

    /** The name Flyway sees. Supabase versions are digits, which Flyway accepts as they are. */
    String flywayName() {
        return "V" + version + "__" + description.replace("__", "_") + ".sql";
    }

    @Override
    public String toString() {
        return displayPath;
    }

    /** A {@link Path} is not serializable; a stored result keeps its text. */
    private Object writeReplace() {
        return new Stored(path == null ? null : path.toString(), displayPath, version, description, layout, sql);
    }

    private record Stored(String path, String displayPath, String version, String description, MigrationLayout layout, String sql)
            implements Serializable {
        private Object readResolve() {
            return new MigrationFile(path == null ? null : Path.of(path), displayPath, version, description, layout, sql);
        }
    }
}
