package io.github.authschema.testkit.internal.platform;

import io.github.authschema.testkit.AuthErrorCode;

import java.util.regex.Pattern;

/**
 * The auth service's phone form (internal/api/phone.go validatePhone): one '+' at the very start
 * removed, then every space, then E.164 digits. A space before the '+' keeps it, and fails.
 */
public final class PhoneNumbers {
    private static final Pattern E164_DIGITS = Pattern.compile("^[1-9][0-9]{1,14}$");

    private PhoneNumbers() {
    }

    /** Normalises like the auth service, or throws the auth service's validation error. */
    public static String normalize(String phone) {
        String raw = phone == null ? "" : phone;
        String digits = (raw.startsWith("+") ? raw.substring(1) : raw).replace(" ", "");
        if (!E164_DIGITS.matcher(digits).matches()) {
            throw new AuthRejection(AuthErrorCode.VALIDATION_FAILED, "Invalid phone number format (E.164 required)");
        }
        return digits;
    }
}
