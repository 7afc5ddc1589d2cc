package io.github.authschema.testkit.internal.migrate;

import java.io.Serializable;

/** What happened to one migration in a run. */
public record MigrationOutcome(MigrationFile file, Status status, long millis) implements Serializable {
    public enum Status { APPLIED, FAILED, PENDING }
}
