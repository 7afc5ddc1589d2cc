package io.github.authschema.report;

import io.github.authschema.catalog.DeleteEdge;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.Severity;
import io.github.authschema.simulate.TableAccess;
import io.github.authschema.testkit.internal.migrate.MigrationOutcome;

import java.util.List;

/**
 * What the reports show, whichever goal made it: the findings the build gate reports, the rules
 * that ran, and, for a verification, the migrations, what deleting a user touches and who reaches whose rows.
 */
public record ReportContent(List<Finding> findings, List<Rule> rules, List<MigrationOutcome> migrations, List<DeleteEdge> deleteGraph,
                            List<TableAccess> access, long totalMillis, String engineDescription) {

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
