package io.github.authschema.report;

import io.github.authschema.rules.Finding;
import io.github.authschema.testkit.internal.migrate.MigrationOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code report.json}: the tool, each migration with status and time, each finding with file and line. */
public final class JsonReport {
    private JsonReport() {
    }

    public static Map<String, Object> model(ReportContent result, String toolVersion) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", Map.of("name", "authschema", "version", toolVersion));
        List<Map<String, Object>> migrations = new ArrayList<>();
        for (MigrationOutcome m : result.migrations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", m.file().displayPath());
            row.put("version", m.file().version());
            row.put("status", m.status().name().toLowerCase(Locale.ROOT));
            row.put("ms", m.millis());
            migrations.add(row);
        }
        root.put("migrations", migrations);
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rule", f.rule());
            row.put("severity", f.severity().name());
            row.put("object", f.object());
            row.put("file", f.location().file());
            row.put("line", f.location().line() > 0 ? f.location().line() : null);
            row.put("message", f.message());
            row.put("fix", f.fix());
            findings.add(row);
        }
        root.put("findings", findings);
        return root;
    }
}
