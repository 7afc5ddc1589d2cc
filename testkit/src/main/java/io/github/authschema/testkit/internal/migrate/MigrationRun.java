package io.github.authschema.testkit.internal.migrate;

import io.github.authschema.testkit.MigrationException;

import java.util.List;
import java.util.Optional;

/** The outcome of applying a migration set: one entry per file, and the failure if one failed. */
public final class MigrationRun {
    private final List<MigrationOutcome> outcomes;
    private final MigrationFailure failure;
    private final Throwable cause;

    MigrationRun(List<MigrationOutcome> outcomes, MigrationFailure failure, Throwable cause) {
        this.outcomes = List.copyOf(outcomes);
        this.failure = failure;
        this.cause = cause;
    }

    public List<MigrationOutcome> outcomes() {
        return outcomes;
    }

    public Optional<MigrationFailure> failure() {
        return Optional.ofNullable(failure);
    }

    public long totalMillis() {
        return outcomes.stream().mapToLong(MigrationOutcome::millis).sum();
    }

    /** This run, with a later failure (a seed's) when there is one and this run has none. */
    public MigrationRun withFailure(Optional<MigrationFailure> later) {
        return failure != null || later.isEmpty() ? this : new MigrationRun(outcomes, later.get(), null);
    }

    /** Throws {@link MigrationException} when a migration failed. */
    public MigrationRun orThrow() {
        if (failure != null) {
            throw new MigrationException(failure.describe(), failure.file().displayPath(), failure.line(), failure.statement(),
                    failure.sqlState(), failure.message(), cause);
        }
        return this;
    }
}
