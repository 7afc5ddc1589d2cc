package io.github.authschema.testkit.internal.migrate;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway narrates every step; we print one line per migration ourselves. Its warnings still reach
 * the listener of the run in progress on this thread.
 */
public final class QuietFlywayLog implements Log, LogCreator {
    private static final ThreadLocal<MigrationListener> LISTENER = new ThreadLocal<>();

    /** Flyway instantiates this by the class name given in its {@code loggers} setting. */
    public QuietFlywayLog() {
    }

    @Override
    public Log createLogger(Class<?> type) {
        return this;
    }

    static void warnings(MigrationListener listener) {
        if (listener == null) {
            LISTENER.remove();
        } else {
            LISTENER.set(listener);
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public void info(String message) {
    }

    @Override
    public void warn(String message) {
        MigrationListener l = LISTENER.get();
        if (l != null) {
            l.warning(message);
        }
    }

    @Override
    public void error(String message) {
        warn(message);
    }

    @Override
    public void error(String message, Exception e) {
        warn(message);
    }

    @Override
    public void notice(String message) {
    }
}
