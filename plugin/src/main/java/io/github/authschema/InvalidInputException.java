package io.github.authschema;

import io.github.authschema.testkit.SupabaseKitException;

/**
 * A setting, a file or a server that the user must fix. The goals show its message alone, as one
 * BUILD ERROR line; every other exception is a bug in authschema and is reported as one.
 */
public class InvalidInputException extends SupabaseKitException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
