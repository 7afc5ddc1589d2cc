package io.github.authschema.testkit.internal.migrate;

/** Thrown by a {@link MigrationRunner.MigrationCheck} to stop a migration before it runs, with why. */
public final class MigrationRefusedException extends RuntimeException {
    private final transient MigrationFailure failure;

    public MigrationRefusedException(MigrationFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public MigrationFailure failure() {
        return failure;
    }
}
