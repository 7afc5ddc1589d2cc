package io.github.authschema.simulate;

import io.github.authschema.testkit.SupabaseKitException;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Work that runs on a connection of its own beside the caller's: its result, or what it threw, as if thrown here. */
public final class Tasks {
    private Tasks() {
    }

    /** {@code doing}: what the task does, for the message when it is interrupted or fails unexpectedly ("probing access"). */
    public static <T> T await(FutureTask<T> task, String doing) throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupabaseKitException("Interrupted while " + doing, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SupabaseKitException(doing.substring(0, 1).toUpperCase() + doing.substring(1) + " failed: " + e.getCause(), e.getCause());
        }
    }
}
