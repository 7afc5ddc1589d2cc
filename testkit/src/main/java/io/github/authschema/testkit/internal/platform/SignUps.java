package io.github.authschema.testkit.internal.platform;

import io.github.authschema.testkit.AuthErrorCode;

/**
 * Which ways in the project's auth service allows, from supabase/config.toml: without the file every
 * way counts. A disabled one is refused with the service's own code and words.
 */
public record SignUps(boolean email, boolean phone, boolean anonymous) {
    public static final SignUps ALL = new SignUps(true, true, true);

    public static SignUps from(SupabaseConfig config) {
        if (!config.present()) {
            return ALL;
        }
        return new SignUps(config.bool(SupabaseConfig.EMAIL_SIGNUP, null, true).value(),
                config.bool(SupabaseConfig.PHONE_SIGNUP, null, true).value(),
                config.bool(SupabaseConfig.ANONYMOUS_SIGN_INS, null, true).value());
    }

    public void requireEmail() {
        if (!email) {
            throw new AuthRejection(AuthErrorCode.EMAIL_PROVIDER_DISABLED, "Email signups are disabled");
        }
    }

    public void requirePhone() {
        if (!phone) {
            throw new AuthRejection(AuthErrorCode.PHONE_PROVIDER_DISABLED, "Phone signups are disabled");
        }
    }

    public void requireAnonymous() {
        if (!anonymous) {
            throw new AuthRejection(AuthErrorCode.ANONYMOUS_PROVIDER_DISABLED, "Anonymous sign-ins are disabled");
        }
    }
}
