package io.github.authschema.audit;

import io.github.authschema.report.ReportContent;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;

import java.util.List;

/** What an audit of a live database found, by which checks, in how long. */
public record AuditResult(List<Finding> findings, List<Rule> checks, long totalMillis) {

    /** What the reports show, with the findings the build gate reports. */
    public ReportContent report(List<Finding> reported) {
        return new ReportContent(reported, checks, List.of(), List.of(), List.of(), totalMillis, "audit (read-only)");
    }
}
