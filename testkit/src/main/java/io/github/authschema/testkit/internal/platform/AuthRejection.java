package io.github.authschema.testkit.internal.platform;

import io.github.authschema.testkit.AuthErrorCode;

/** The auth service refused a request by its own rules, before or without a database error. */
public final class AuthRejection extends RuntimeException {
    private final AuthErrorCode code;

    AuthRejection(AuthErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public AuthErrorCode code() {
        return code;
    }
}
