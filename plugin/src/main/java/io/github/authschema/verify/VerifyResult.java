package io.github.authschema.verify;

import io.github.authschema.catalog.DeleteEdge;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.Severity;
import io.github.authschema.simulate.SimulationResult;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;
import io.github.authschema.testkit.internal.migrate.MigrationOutcome;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a verification found, by which rules, and what it took: {@code phaseMillis} has start,
 * migrate, catalog, simulate and rules; {@code schema} is the catalog's {@link
 * io.github.authschema.catalog.Catalog#summary()}, for drift checks.
 */
public record VerifyResult(List<MigrationOutcome> migrations, Optional<MigrationFailure> migrationFailure,
                           List<SimulationResult> simulations, List<Finding> findings, List<String> warnings,
                           List<DeleteEdge> deleteGraph, List<Rule> rules, Map<String, Long> phaseMillis, long totalMillis,
                           String engineDescription, java.util.SortedSet<String> schema) {

    /** The same result with other findings, such as those a baseline does not accept. */
    public VerifyResult withFindings(List<Finding> other) {
        return new VerifyResult(migrations, migrationFailure, simulations, other, warnings, deleteGraph, rules, phaseMillis,
                totalMillis, engineDescription, schema);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether the build should fail: a finding at or above the threshold. NONE never fails. */
    public boolean fails(Severity failOn) {
        return failOn != Severity.OFF && findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
    }
}
