package io.github.authschema.testkit.migrate;

/** Hears about each migration as it runs: the one line per migration a long build shows. */
public interface MigrationListener {
    MigrationListener SILENT = new MigrationListener() {
    };

    default void applied(MigrationFile file, long millis) {
    }

    default void failed(MigrationFile file, long millis, MigrationFailure failure) {
    }

    default void warning(String message) {
    }
}
