package io.github.authschema.testkit.internal.migrate;

import java.util.List;

/** The ordered migration files of a project, and what the scan warned about. */
public record MigrationSet(List<MigrationFile> files, List<String> warnings) {
    public MigrationSet {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }
}
