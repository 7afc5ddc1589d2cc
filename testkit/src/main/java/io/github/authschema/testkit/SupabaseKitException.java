package io.github.authschema.testkit;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A problem the user can fix (a setting, a server, a migration), with a message that says what and
 * how. Callers show the message alone; the cause is kept for debug logging.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class SupabaseKitException extends RuntimeException {
    public SupabaseKitException(String message) {
        super(message);
    }

    public SupabaseKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
