package io.github.authschema.testkit.internal.migrate;

/** What happened to one migration in a run. */
public record MigrationOutcome(MigrationFile file, Status status, long millis) {
    public enum Status { APPLIED, FAILED, PENDING }
}
