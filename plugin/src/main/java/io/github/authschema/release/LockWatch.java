package io.github.authschema.release;

import io.github.authschema.testkit.internal.engine.ExternalServer;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;
import io.github.authschema.verify.Credentials;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches, from a second session, which sessions block the migrating one: when a statement gives
 * up at lock_timeout its lock request is gone, so the holder must be seen while it waits.
 */
final class LockWatch implements AutoCloseable {
    private static final String BLOCKERS = "select a.pid, coalesce(a.usename, '?'), coalesce(a.application_name, ''), a.state, "
            + "left(regexp_replace(a.query, '\\s+', ' ', 'g'), 200) from pg_catalog.pg_stat_activity a "
            + "where a.pid = any (pg_catalog.pg_blocking_pids(?))";

    private final Connection watcher;
    private volatile int watched;
    /** The sessions that last held up the watched one, each as "pid 123 (app, user, idle in transaction): query". */
    private volatile List<String> lastBlockers = List.of();
    private volatile boolean closed;
    private final Thread thread;

    LockWatch(Credentials target) {
        this.watcher = ExternalServer.openSession(target.url(), target.user(), target.password());
        this.thread = new Thread(this::poll, "authschema-lock-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The backend whose blockers to record: the session that runs the migrations. */
    void watch(int pid) {
        lastBlockers = List.of();
        watched = pid;
    }

    private void poll() {
        while (!closed) {
            int pid = watched;
            if (pid != 0) {
                try (PreparedStatement ps = watcher.prepareStatement(BLOCKERS)) {
                    ps.setInt(1, pid);
                    List<String> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add("pid " + rs.getInt(1) + " (" + (rs.getString(3).isEmpty() ? "" : rs.getString(3) + ", ") + rs.getString(2)
                                    + ", " + rs.getString(4) + "): " + rs.getString(5));
                        }
                    }
                    if (!found.isEmpty()) {
                        lastBlockers = List.copyOf(found);
                    }
                } catch (SQLException e) {
                    return; // the watch only improves a message; the migration does not depend on it
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A statement that gave up at lock_timeout, with who held the lock and what to do. */
    MigrationFailure namingHolder(MigrationFailure f) {
        List<String> holders = lastBlockers;
        return new MigrationFailure(f.file(), f.line(), f.statement(), f.sqlState(), f.message()
                + (holders.isEmpty() ? " (it had let go before it could be named)" : ": " + String.join("; ", holders))
                + ". Nothing of this migration was applied. Release again when that work is done, or raise lockTimeout if a longer "
                + "wait is acceptable: while a migration waits for a lock, every query on that table queues behind it");
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            watcher.close();
        } catch (SQLException ignored) {
            // the watch session is ours alone
        }
    }
}
