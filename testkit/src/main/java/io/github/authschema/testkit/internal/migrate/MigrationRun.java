package io.github.authschema.testkit.internal.migrate;

import io.github.authschema.testkit.MigrationException;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of applying a migration set: one entry per file, and the failures: one at most, unless
 * the run went on past failing migrations ({@link MigrationRunner#applyContinuing}).
 */
public final class MigrationRun {
    private final List<MigrationOutcome> outcomes;
    private final List<MigrationFailure> failures;
    private final MigrationFailure failure;
    private final Throwable cause;

    MigrationRun(List<MigrationOutcome> outcomes, MigrationFailure failure, Throwable cause) {
        this(outcomes, failure == null ? List.of() : List.of(failure), cause);
    }

    MigrationRun(List<MigrationOutcome> outcomes, List<MigrationFailure> failures, Throwable cause) {
        this.outcomes = List.copyOf(outcomes);
        this.failures = List.copyOf(failures);
        this.failure = failures.isEmpty() ? null : failures.get(0);
        this.cause = cause;
    }

    /** Every migration that failed, in order; at most one unless the run continued past failures. */
    public List<MigrationFailure> failures() {
        return failures;
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
        return failure != null || later.isEmpty() ? this : new MigrationRun(outcomes, List.of(later.get()), null);
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
