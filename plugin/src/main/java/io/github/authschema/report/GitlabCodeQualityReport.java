package io.github.authschema.report;

import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GitLab's Code Quality report, so merge requests show findings on the migration lines. */
public final class GitlabCodeQualityReport {
    private GitlabCodeQualityReport() {
    }

    public static List<Map<String, Object>> model(ReportContent result) {
        List<Map<String, Object>> issues = new ArrayList<>();
        for (Finding f : result.findings()) {
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("description", "[" + f.rule() + "] " + f.message() + " Fix: " + f.fix());
            issue.put("check_name", f.rule());
            issue.put("fingerprint", fingerprint(f.rule() + ":" + f.object()));
            issue.put("severity", f.severity() == Severity.ERROR ? "critical" : f.severity() == Severity.WARN ? "major" : "info");
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("path", f.location().known() ? f.location().file() : "pom.xml");
            location.put("lines", Map.of("begin", Math.max(1, f.location().line())));
            issue.put("location", location);
            issues.add(issue);
        }
        return issues;
    }

    private static String fingerprint(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
