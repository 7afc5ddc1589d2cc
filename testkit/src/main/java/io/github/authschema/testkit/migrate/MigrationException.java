package io.github.authschema.testkit.migrate;

import io.github.authschema.testkit.SupabaseKitException;

/** A migration failed to apply; {@link #failure()} says where and why. */
public final class MigrationException extends SupabaseKitException {
    private final transient MigrationFailure failure;

    public MigrationException(MigrationFailure failure, Throwable cause) {
        super("Migration failed: " + failure.describe(), cause);
        this.failure = failure;
    }

    public MigrationFailure failure() {
        return failure;
    }
}
