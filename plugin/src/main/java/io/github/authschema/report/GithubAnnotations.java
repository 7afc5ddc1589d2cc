package io.github.authschema.report;

import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

/** GitHub Actions workflow commands, so findings show inline on the migration lines of a pull request. */
public final class GithubAnnotations {
    private GithubAnnotations() {
    }

    public static List<String> lines(ReportContent result) {
        List<String> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            String kind = f.severity() == Severity.ERROR ? "error" : f.severity() == Severity.WARN ? "warning" : "notice";
            StringBuilder cmd = new StringBuilder("::").append(kind).append(' ');
            if (f.location().known()) {
                cmd.append("file=").append(property(f.location().file())).append(',');
                if (f.location().line() > 0) {
                    cmd.append("line=").append(f.location().line()).append(',');
                }
            }
            cmd.append("title=").append(property("authschema " + f.rule())).append("::").append(data(f.message() + " Fix: " + f.fix()));
            out.add(cmd.toString());
        }
        return out;
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
