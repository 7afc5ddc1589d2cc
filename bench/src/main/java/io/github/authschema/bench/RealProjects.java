package io.github.authschema.bench;

import io.github.authschema.rules.Finding;
import io.github.authschema.simulate.TableAccess;
import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;
import io.github.authschema.verify.Verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * verify on public Supabase projects, as a new user would bring them: the `supabase/` folder of each
 * repository in bench/real-projects.tsv, taken from a git mirror at the listed commit (bring mirrors
 * with the search tool's fetch; no SQL of theirs is kept here). Prints one line per project, then
 * key=value totals.
 *
 * <pre>java … RealProjects bench/real-projects.tsv /work/.mirror</pre>
 */
public final class RealProjects {
    private static final Pattern NESTED = Pattern.compile("migrations at (\\S+)/supabase/migrations");

    private RealProjects() {
    }

    public static void main(String[] args) throws Exception {
        Path list = Path.of(args[0]);
        Path mirrors = Path.of(args[1]);
        int applied = 0;
        int measured = 0;
        int findings = 0;
        Map<String, Integer> causes = new TreeMap<>();
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, Integer> notProbed = new TreeMap<>();
        int[] probed = new int[1];
        for (String line : Files.readAllLines(list)) {
            if (line.isBlank() || line.startsWith("repo\t") || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            String repo = cols[0];
            String commit = cols[1];
            // a project folder below the repository's root, as the list's notes name it
            Matcher nested = NESTED.matcher(cols.length > 4 ? cols[4] : "");
            String base = nested.find() ? nested.group(1) : "";
            Path gitDir = mirrors.resolve(repo.replace('/', '+')).resolve("repo");
            if (!Files.isDirectory(gitDir)) {
                System.out.println(repo + "\tno mirror");
                continue;
            }
            Path project = Files.createTempDirectory("real-project");
            try {
                try {
                    extract(gitDir, commit, base.isEmpty() ? "supabase" : base + "/supabase", project);
                } catch (IOException e) {
                    System.out.println(repo + "\tno supabase folder at " + commit);
                    continue;
                }
                measured++;
                String outcome;
                try {
                    VerifyResult result = new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(project.resolve(base)).shareServer(true)
                            .locations(List.of("filesystem:supabase/migrations")));
                    findings += result.findings().size();
                    result.findings().forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
                    for (TableAccess a : result.access()) {
                        if (a.matrix().skippedBecause() == null) {
                            probed[0]++;
                        } else {
                            notProbed.merge(skipReason(a.matrix().skippedBecause()), 1, Integer::sum);
                        }
                    }
                    if (result.migrationFailure().isEmpty()) {
                        applied++;
                        outcome = "applied " + result.migrations().size() + " migrations; " + count(result.findings());
                    } else {
                        MigrationFailure f = result.migrationFailure().get();
                        String cause = cause(f);
                        causes.merge(cause, 1, Integer::sum);
                        outcome = "stopped at " + f.file().displayPath() + ":" + f.line() + " (" + f.sqlState() + ") " + oneLine(f.message())
                                + " [" + cause + "]";
                    }
                } catch (SupabaseKitException e) {
                    causes.merge(refusal(e.getMessage()), 1, Integer::sum);
                    outcome = "refused: " + oneLine(e.getMessage());
                }
                System.out.println(repo + "\t" + outcome);
            } finally {
                deleteRecursively(project);
            }
        }
        System.out.println("real_projects=" + measured);
        System.out.println("real_projects_applied_fully=" + applied);
        System.out.println("real_projects_findings=" + findings);
        byRule.forEach((rule, n) -> System.out.println("real_projects_findings{" + rule + "}=" + n));
        causes.forEach((cause, n) -> System.out.println("real_projects_stopped{" + cause + "}=" + n));
        System.out.println("real_projects_probed_tables=" + probed[0]);
        notProbed.forEach((reason, n) -> System.out.println("real_projects_not_probed{" + reason + "}=" + n));
        System.exit(0);
    }

    /** Why the access probe made no row, in a few words: the deepest cause of a chain of parents. */
    private static String skipReason(String reason) {
        String r = reason.toLowerCase();
        String kind = r.contains("violates check constraint") ? "a check"
                : r.contains("violates foreign key") ? "a foreign key"
                : r.contains("violates not-null") ? "not null"
                : r.contains("duplicate key") ? "unique"
                : r.contains("insert returning") ? "a rule instead of insert"
                : r.contains("deeper than the probe goes") ? "parents too deep"
                : r.contains("the probe failed") ? "the probe failed"
                : "other: " + reason.replaceAll(".*: ", "").replaceAll("\"[^\"]*\"", "…");
        return (r.startsWith("no row of its parent") ? "parent: " : "") + kind;
    }

    private static String count(List<Finding> findings) {
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        findings.forEach(f -> bySeverity.merge(f.severity().name(), 1, Integer::sum));
        return findings.size() + " findings " + bySeverity;
    }

    /** A coarse reason, to count: an extension we lack, a role or schema, a syntax error, … */
    private static String cause(MigrationFailure f) {
        String m = f.message();
        if (m.contains("is not installed on this PostgreSQL server")) {
            return "extension " + m.replaceAll("(?s)^extension \"([^\"]+)\".*", "$1");
        }
        return switch (f.sqlState() == null ? "" : f.sqlState()) {
            case "42501" -> "permission";
            case "42601" -> "syntax";
            case "42P01", "42883", "42704", "3F000" -> "missing object";
            case "42P07", "42710", "42723" -> "already exists";
            default -> "other " + f.sqlState();
        };
    }

    private static String refusal(String message) {
        if (message.contains("Two migrations have version")) {
            return "refused: duplicate versions";
        }
        if (message.contains("config.toml is not valid TOML")) {
            return "refused: invalid config.toml";
        }
        return "refused: " + oneLine(message).replaceAll("[0-9]+", "N");
    }

    private static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    private static void extract(Path gitDir, String commit, String folder, Path into) throws IOException, InterruptedException {
        Path tar = into.resolve("supabase.tar");
        Process p = new ProcessBuilder("git", "--git-dir=" + gitDir, "archive", "--format=tar", "-o", tar.toString(), commit, folder)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("git archive failed for " + gitDir);
        }
        Process x = new ProcessBuilder("tar", "-xf", tar.toString(), "-C", into.toString()).redirectErrorStream(true).start();
        x.getInputStream().readAllBytes();
        x.waitFor(60, TimeUnit.SECONDS);
        Files.delete(tar);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(all.get(i));
            }
        }
    }
}
