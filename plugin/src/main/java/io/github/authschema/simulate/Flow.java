package io.github.authschema.simulate;

/** The auth flows the verifier replays against the migrated schema. */
public enum Flow {
    EMAIL("email sign-up"),
    PHONE("phone-only (WhatsApp) sign-up"),
    ANONYMOUS("anonymous sign-in"),
    EMPTY_METADATA("email sign-up with empty metadata");

    public final String label;

    Flow(String label) {
        this.label = label;
    }
}
