package io.github.authschema.simulate;

/** The auth flows the verifier replays against the migrated schema: ways in, and links made later. */
public enum Flow {
    EMAIL("email sign-up", false),
    PHONE("phone-only (WhatsApp) sign-up", false),
    ANONYMOUS("anonymous sign-in", false),
    EMPTY_METADATA("email sign-up with empty metadata", false),
    PHONE_USER_ADDS_EMAIL("a phone user adds an email", true),
    EMAIL_USER_ADDS_PHONE("an email user adds a phone", true),
    ANONYMOUS_TO_EMAIL("an anonymous user becomes permanent by email", true),
    ANONYMOUS_TO_PHONE("an anonymous user becomes permanent by phone", true),
    PHONE_LOGIN_AGAIN("a phone user logs in again", true);

    public final String label;
    /** A link replays a sign-up first, then the UPDATEs of linking; only those are its own. */
    public final boolean link;

    Flow(String label, boolean link) {
        this.label = label;
        this.link = link;
    }
}
