package io.github.authschema.report;

import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;

import java.util.List;
import java.util.stream.Collectors;

/** JUnit XML: one test case per rule, one failure per finding, so CI test tabs list them. */
public final class JunitXmlReport {
    private JunitXmlReport() {
    }

    public static String render(ReportContent result, List<Rule> rules) {
        long failures = rules.stream().filter(r -> result.findings().stream().anyMatch(f -> f.rule().equals(r.id()))).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"authschema\" tests=\"").append(rules.size()).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"0\" time=\"").append(result.totalMillis() / 1000.0).append("\">\n");
        for (Rule r : rules) {
            List<Finding> found = result.findings().stream().filter(f -> f.rule().equals(r.id())).collect(Collectors.toList());
            xml.append("  <testcase classname=\"authschema.rules\" name=\"").append(esc(r.id())).append("\"");
            if (found.isEmpty()) {
                xml.append("/>\n");
                continue;
            }
            xml.append(">\n");
            for (Finding f : found) {
                xml.append("    <failure type=\"").append(f.severity()).append("\" message=\"").append(esc(f.location() + " " + f.message()))
                        .append("\">").append(esc(f.location() + "  [" + f.rule() + "]  " + f.message() + "\nfix: " + f.fix()))
                        .append("</failure>\n");
            }
            xml.append("  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&apos;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }
}
