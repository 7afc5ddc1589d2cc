package io.github.authschema.report;

import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.internal.migrate.MigrationOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings as people read them in a build log: grouped by severity, each as
 * {@code file:line  [rule-id]  message} with a one-line fix under it.
 */
public final class ConsoleReport {
    private ConsoleReport() {
    }

    /** A line of output and the level to log it at. */
    public record Line(Severity level, String text) {
    }

    public static List<Line> lines(ReportContent result) {
        List<Line> out = new ArrayList<>();
        for (Severity severity : new Severity[] {Severity.ERROR, Severity.WARN, Severity.INFO}) {
            List<Finding> group = result.findings().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.add(new Line(severity, severity + " (" + group.size() + ")"));
            for (Finding f : group) {
                out.add(new Line(severity, "  " + f.location() + "  [" + f.rule() + "]  " + f.message()));
                out.add(new Line(severity, "      fix: " + f.fix()));
            }
        }
        out.add(new Line(Severity.INFO, summary(result)));
        return out;
    }

    public static String summary(ReportContent result) {
        if (result.migrations().isEmpty()) {
            return "authschema: " + (result.findings().isEmpty() ? "no findings" : result.count(Severity.ERROR) + " error(s), "
                    + result.count(Severity.WARN) + " warning(s), " + result.count(Severity.INFO) + " info") + " ("
                    + result.rules().size() + " checks, " + result.totalMillis() + " ms)";
        }
        if (result.findings().isEmpty()) {
            return "authschema: no findings in " + result.migrations().size() + " migrations (" + result.rules().size()
                    + " rules, " + result.totalMillis() + " ms)";
        }
        long applied = result.migrations().stream().filter(m -> m.status() == MigrationOutcome.Status.APPLIED).count();
        String scope = applied == result.migrations().size() ? "in " + applied + " migrations"
                : "in the schema after " + applied + " of " + result.migrations().size() + " migrations";
        return "authschema: " + result.count(Severity.ERROR) + " error(s), " + result.count(Severity.WARN) + " warning(s), "
                + result.count(Severity.INFO) + " info " + scope + " (" + result.totalMillis() + " ms)";
    }

    /** Where a finding's rule is explained, for the failure message. */
    public static String docHint() {
        return "Each rule is explained in docs/rules/<rule-id>.md; silence one with <rules><rule><id>..</id><severity>OFF</severity></rule></rules>.";
    }
}
