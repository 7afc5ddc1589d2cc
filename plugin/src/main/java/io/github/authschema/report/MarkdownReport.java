package io.github.authschema.report;

import io.github.authschema.catalog.DeleteEdge;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.internal.migrate.MigrationOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A PR summary: the findings, a Mermaid diagram of what deleting a user touches, and the migrations. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(ReportContent result) {
        StringBuilder md = new StringBuilder();
        md.append("## authschema: ").append(headline(result)).append("\n\n");
        if (!result.findings().isEmpty()) {
            md.append("| severity | rule | where | finding | fix |\n|---|---|---|---|---|\n");
            for (Finding f : result.findings()) {
                md.append("| ").append(icon(f.severity())).append(' ').append(f.severity()).append(" | `").append(f.rule()).append("` | `")
                        .append(f.location()).append("` | ").append(cell(f.message())).append(" | ").append(cell(f.fix())).append(" |\n");
            }
            md.append('\n');
        }
        md.append("### What deleting a user touches\n\n");
        if (result.deleteGraph().isEmpty()) {
            md.append("No project table references `auth.users`.\n\n");
        } else {
            md.append("```mermaid\n").append(mermaid(result.deleteGraph())).append("```\n\n");
            md.append("Red edges stop the delete: no ON DELETE action, or SET NULL on a NOT NULL column.\n\n");
        }
        if (!result.access().isEmpty()) {
            md.append(AccessSection.markdown(result.access()));
        }
        md.append("<details><summary>").append(result.migrations().size()).append(" migrations, ")
                .append(result.totalMillis()).append(" ms in all</summary>\n\n| migration | status | ms |\n|---|---|---|\n");
        for (MigrationOutcome m : result.migrations()) {
            md.append("| `").append(m.file().displayPath()).append("` | ").append(m.status().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(m.millis()).append(" |\n");
        }
        return md.append("\n</details>\n").toString();
    }

    static String headline(ReportContent r) {
        if (r.findings().isEmpty()) {
            return "no findings";
        }
        return r.count(Severity.ERROR) + " error(s), " + r.count(Severity.WARN) + " warning(s), " + r.count(Severity.INFO) + " info";
    }

    /** graph LR with one node per table and edges labelled by delete action; blocked edges in red. */
    public static String mermaid(List<DeleteEdge> edges) {
        Map<String, String> ids = new LinkedHashMap<>();
        StringBuilder g = new StringBuilder("graph LR\n");
        for (DeleteEdge e : edges) {
            for (String table : List.of(e.from(), e.to())) {
                if (!ids.containsKey(table)) {
                    String id = "t" + ids.size();
                    ids.put(table, id);
                    g.append("  ").append(id).append("[\"").append(table).append("\"]\n");
                }
            }
        }
        StringBuilder red = new StringBuilder();
        for (int i = 0; i < edges.size(); i++) {
            DeleteEdge e = edges.get(i);
            g.append("  ").append(ids.get(e.from())).append(" -->|").append(e.action()).append("| ").append(ids.get(e.to())).append('\n');
            if (e.blocked()) {
                red.append(red.length() == 0 ? "" : ",").append(i);
            }
        }
        if (red.length() > 0) {
            g.append("  linkStyle ").append(red).append(" stroke:#d00,stroke-width:3px,color:#d00\n");
        }
        return g.toString();
    }

    private static String icon(Severity s) {
        return s == Severity.ERROR ? "🔴" : s == Severity.WARN ? "🟠" : "🔵";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
