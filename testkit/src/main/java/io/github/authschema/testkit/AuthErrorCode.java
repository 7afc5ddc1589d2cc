package io.github.authschema.testkit;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The auth service's error codes for the failures the kit's flows can meet: the {@code error_code}
 * field of its JSON answers, which supabase-js exposes as {@code error.code}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum AuthErrorCode {
    /** A database statement failed, such as a sign-up trigger ("Database error saving new user"). */
    UNEXPECTED_FAILURE("unexpected_failure"),
    /** The input was refused before the database was touched, such as a phone number that is not E.164. */
    VALIDATION_FAILED("validation_failed"),
    /** Another user already has this phone number. */
    PHONE_EXISTS("phone_exists"),
    /** Another user already has this email address. */
    EMAIL_EXISTS("email_exists");

    private final String wireName;

    AuthErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The code as the service sends it, such as {@code phone_exists}. */
    public String wireName() {
        return wireName;
    }
}
