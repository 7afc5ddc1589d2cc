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
    /** A confirmed user already signed up with this email address. */
    USER_ALREADY_EXISTS("user_already_exists"),
    /** Another user already has this email address. */
    EMAIL_EXISTS("email_exists"),
    /** Sign-ups by email are off ({@code [auth.email] enable_signup = false}). */
    EMAIL_PROVIDER_DISABLED("email_provider_disabled"),
    /** Sign-ins by phone are off ({@code [auth.sms] enable_signup = false}). */
    PHONE_PROVIDER_DISABLED("phone_provider_disabled"),
    /** Anonymous sign-ins are off ({@code [auth] enable_anonymous_sign_ins = false}). */
    ANONYMOUS_PROVIDER_DISABLED("anonymous_provider_disabled");

    private final String wireName;

    AuthErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The code as the service sends it, such as {@code phone_exists}. */
    public String wireName() {
        return wireName;
    }
}
