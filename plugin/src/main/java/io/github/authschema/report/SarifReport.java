package io.github.authschema.report;

import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0 for GitHub code scanning: rules with help, results at their migration file and line. */
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static Map<String, Object> model(ReportContent result, List<Rule> rules, String version) {
        List<Map<String, Object>> ruleModels = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Rule r : rules) {
            index.put(r.id(), ruleModels.size());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("name", r.getClass().getSimpleName());
            m.put("shortDescription", Map.of("text", r.summary()));
            m.put("fullDescription", Map.of("text", r.rationale()));
            m.put("help", Map.of("text", r.rationale() + " Fix: " + r.fix(),
                    "markdown", "**" + r.summary() + "**\n\n" + r.rationale() + "\n\n**Fix:** " + r.fix() + "\n\nSee `" + r.docPath() + "`."));
            m.put("defaultConfiguration", Map.of("level", level(r.defaultSeverity())));
            ruleModels.add(m);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : result.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", f.rule());
            if (index.containsKey(f.rule())) {
                m.put("ruleIndex", index.get(f.rule()));
            }
            m.put("level", level(f.severity()));
            m.put("message", Map.of("text", f.message() + " Fix: " + f.fix()));
            List<Map<String, Object>> locations = new ArrayList<>();
            Map<String, Object> location = new LinkedHashMap<>();
            if (f.location().known()) {
                Map<String, Object> physical = new LinkedHashMap<>();
                physical.put("artifactLocation", Map.of("uri", f.location().file(), "uriBaseId", "%SRCROOT%"));
                if (f.location().line() > 0) {
                    physical.put("region", Map.of("startLine", f.location().line()));
                }
                location.put("physicalLocation", physical);
            }
            location.put("logicalLocations", List.of(Map.of("fullyQualifiedName", f.object())));
            locations.add(location);
            m.put("locations", locations);
            m.put("partialFingerprints", Map.of("authschema/v1", f.rule() + ":" + f.object()));
            results.add(m);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "authschema");
        driver.put("version", version);
        driver.put("informationUri", "https://github.com/authschema/authschema");
        driver.put("rules", ruleModels);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return root;
    }

    static String level(Severity s) {
        return s == Severity.ERROR ? "error" : s == Severity.WARN ? "warning" : "note";
    }
}
