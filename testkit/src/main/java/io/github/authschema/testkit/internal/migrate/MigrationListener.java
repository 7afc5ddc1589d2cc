package io.github.authschema.testkit.internal.migrate;

/** Hears about each migration as it runs: the one line per migration a long build shows. */
public interface MigrationListener {
    MigrationListener SILENT = new MigrationListener() {
    };

    /** Says nothing about migrations that apply, and prints warnings (such as skipped files) to standard error. */
    MigrationListener WARNINGS_TO_STDERR = new MigrationListener() {
        @Override
        public void warning(String message) {
            System.err.println("authschema: " + message);
        }
    };

    default void applied(MigrationFile file, long millis) {
    }

    default void failed(MigrationFile file, long millis, MigrationFailure failure) {
    }

    default void warning(String message) {
    }
}
