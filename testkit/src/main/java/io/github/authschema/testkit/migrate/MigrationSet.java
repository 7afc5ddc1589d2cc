package io.github.authschema.testkit.migrate;

import java.util.List;

/** The ordered migration files of a project, and what the scan warned about. */
public final class MigrationSet {
    private final List<MigrationFile> files;
    private final List<String> warnings;

    MigrationSet(List<MigrationFile> files, List<String> warnings) {
        this.files = List.copyOf(files);
        this.warnings = List.copyOf(warnings);
    }

    public List<MigrationFile> files() {
        return files;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** A stable fingerprint of names and contents, so templates can be cached per migration set. */
    public String fingerprint() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        for (MigrationFile f : files) {
            crc.update(f.displayPath().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            crc.update(f.sql().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return Long.toHexString(crc.getValue());
    }
}
