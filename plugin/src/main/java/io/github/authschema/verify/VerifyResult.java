package io.github.authschema.verify;

import io.github.authschema.catalog.DeleteEdge;
import io.github.authschema.report.ReportContent;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.simulate.SimulationResult;
import io.github.authschema.simulate.TableAccess;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;
import io.github.authschema.testkit.internal.migrate.MigrationOutcome;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What a verification found, by which rules, and what it took: {@code phaseMillis} has start,
 * migrate, catalog, simulate, probe and rules; {@code schema} is the catalog's summary, for drift checks.
 */
public record VerifyResult(List<MigrationOutcome> migrations, List<MigrationFailure> migrationFailures,
                           List<SimulationResult> simulations, List<TableAccess> access, List<Finding> findings, List<Rule> rules, List<DeleteEdge> deleteGraph,
                           Map<String, Long> phaseMillis, long totalMillis, String engineDescription, SortedSet<String> schema) {

    /** The first migration that failed: the one the run stopped at, unless it continued on error. */
    public Optional<MigrationFailure> migrationFailure() {
        return migrationFailures.stream().findFirst();
    }

    /** What the reports show, with the findings the build gate reports. */
    public ReportContent report(List<Finding> reported) {
        return new ReportContent(reported, rules, migrations, deleteGraph, access, totalMillis, engineDescription);
    }
}
