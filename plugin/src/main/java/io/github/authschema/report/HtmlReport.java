package io.github.authschema.report;

import io.github.authschema.catalog.DeleteEdge;
import io.github.authschema.rules.Finding;
import io.github.authschema.testkit.internal.migrate.MigrationOutcome;

import java.util.Locale;

/** One self-contained HTML page (no scripts, no network): findings, the delete graph drawn and listed, who reaches whose rows, migrations with timings. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(ReportContent result) {
        StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>authschema report</title>\n<style>"
                + "body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;width:100%;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f4f4f4}"
                + ".ERROR{color:#b00;font-weight:bold}.WARN{color:#b60}.INFO{color:#06b}.blocked{color:#d00;font-weight:bold}code{font-size:90%;overflow-wrap:anywhere}svg{max-width:100%;height:auto}"
                + "</style></head><body>\n");
        h.append("<h1>authschema: ").append(esc(MarkdownReport.headline(result))).append("</h1>\n<p>").append(esc(result.engineDescription()))
                .append(", ").append(result.totalMillis()).append(" ms</p>\n<h2>Findings</h2>\n");
        if (result.findings().isEmpty()) {
            h.append("<p>None.</p>\n");
        } else {
            h.append("<table><tr><th>severity</th><th>rule</th><th>where</th><th>finding</th><th>fix</th></tr>\n");
            for (Finding f : result.findings()) {
                h.append("<tr><td class=\"").append(f.severity()).append("\">").append(f.severity()).append("</td><td><code>").append(esc(f.rule()))
                        .append("</code></td><td><code>").append(esc(f.location().toString())).append("</code></td><td>").append(esc(f.message()))
                        .append("</td><td>").append(esc(f.fix())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>What deleting a user touches</h2>\n");
        if (result.deleteGraph().isEmpty()) {
            h.append("<p>No project table references <code>auth.users</code>.</p>\n");
        } else {
            h.append(DeleteGraphSvg.render(result.deleteGraph()));
            h.append("<table><tr><th>from</th><th>on delete</th><th>to</th><th>foreign key</th></tr>\n");
            for (DeleteEdge e : result.deleteGraph()) {
                h.append("<tr").append(e.blocked() ? " class=\"blocked\"" : "").append("><td><code>").append(esc(e.from())).append("</code></td><td>")
                        .append(esc(e.action())).append(e.blocked() ? " (blocks the delete)" : "").append("</td><td><code>").append(esc(e.to()))
                        .append("</code></td><td><code>").append(esc(e.constraint())).append("</code></td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!result.access().isEmpty()) {
            h.append(AccessSection.html(result.access()));
        }
        h.append("<h2>Migrations</h2>\n<table><tr><th>migration</th><th>status</th><th>ms</th></tr>\n");
        for (MigrationOutcome m : result.migrations()) {
            h.append("<tr><td><code>").append(esc(m.file().displayPath())).append("</code></td><td>")
                    .append(m.status().name().toLowerCase(Locale.ROOT)).append("</td><td>").append(m.millis()).append("</td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
