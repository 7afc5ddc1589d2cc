package io.github.authschema.testkit.migrate;

import java.nio.file.Path;

/** One migration script: where it is, how findings should name it, and its place in the order. */
public final class MigrationFile {
    private final Path path;
    private final String displayPath;
    private final String version;
    private final String description;
    private final MigrationLayout layout;
    private final String sql;

    MigrationFile(Path path, String displayPath, String version, String description, MigrationLayout layout, String sql) {
        this.path = path;
        this.displayPath = displayPath;
        this.version = version;
        this.description = description;
        this.layout = layout;
        this.sql = sql;
    }

    public Path path() {
        return path;
    }

    /** The path as the user knows it, relative to the project, with forward slashes. */
    public String displayPath() {
        return displayPath;
    }

    public String version() {
        return version;
    }

    public String description() {
        return description;
    }

    public MigrationLayout layout() {
        return layout;
    }

    public String sql() {
        return sql;
    }

    /** The name Flyway sees. Supabase versions are digits, which Flyway accepts as they are. */
    String flywayName() {
        return "V" + version + "__" + description.replace("__", "_") + ".sql";
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
