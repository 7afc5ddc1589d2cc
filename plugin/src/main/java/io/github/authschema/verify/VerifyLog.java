package io.github.authschema.verify;

/** Where the verifier narrates: the Maven log in the plugin, anything in tests. */
public interface VerifyLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    VerifyLog SILENT = new VerifyLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };
}
