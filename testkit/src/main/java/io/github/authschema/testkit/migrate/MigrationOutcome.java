package io.github.authschema.testkit.migrate;

/** What happened to one migration in a run. */
public final class MigrationOutcome {
    public enum Status { APPLIED, FAILED, PENDING }

    private final MigrationFile file;
    private final Status status;
    private final long millis;

    public MigrationOutcome(MigrationFile file, Status status, long millis) {
        this.file = file;
        this.status = status;
        this.millis = millis;
    }

    public MigrationFile file() {
        return file;
    }

    public Status status() {
        return status;
    }

    public long millis() {
        return millis;
    }
}
