package io.github.authschema.testkit.internal.platform;

import io.github.authschema.testkit.AuthErrorCode;

import java.util.regex.Pattern;

/** The auth service's phone form: the leading '+' and spaces removed, then E.164 digits. */
public final class PhoneNumbers {
    private static final Pattern E164_DIGITS = Pattern.compile("^[1-9][0-9]{1,14}$");

    private PhoneNumbers() {
    }

    /** Normalises like the auth service, or throws the auth service's validation error. */
    public static String normalize(String phone) {
        String digits = phone == null ? "" : phone.replace(" ", "").replaceFirst("^\\+", "");
        if (!E164_DIGITS.matcher(digits).matches()) {
            throw new AuthRejection(AuthErrorCode.VALIDATION_FAILED, "Invalid phone number format (E.164 required): '" + phone
                    + "'. The auth service accepts an optional leading '+' and spaces, then 2 to 15 digits.");
        }
        return digits;
    }
}
