package io.github.authschema.testkit.internal.platform;

/** The one place that says which auth-service release the emulated auth schema and flows mirror. */
public final class AuthServiceVersion {
    /**
     * supabase/auth at this commit (2026-08-20): the final shape of its migrations and the rows its
     * sign-up, OTP, anonymous, linking and delete handlers write.
     */
    public static final String PINNED = "supabase/auth@bc32168e13fdc928c98b449fc76bc3fdb9a293c5 (2026-08-20)";

    private AuthServiceVersion() {
    }
}
