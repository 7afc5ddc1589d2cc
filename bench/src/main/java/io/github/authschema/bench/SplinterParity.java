package io.github.authschema.bench;

import io.github.authschema.verify.Verifier;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs splinter's own regression scenarios through verify and compares, checkpoint by checkpoint,
 * whether splinter's lint and our parity rule report anything. Each `.out` file under
 * test/expected holds the scenario's statements (echoed) and, after each `select * from lint."…"`,
 * the rows the lint returned; the statements before a checkpoint, with savepoints rolled back as
 * the scenario rolls them back, become one migration. Splinter's SQL is read from a `fetch`ed
 * mirror and never kept here.
 *
 * <p>Usage: {@code SplinterParity <splinter git dir> [commit]}. Prints one line per checkpoint, then
 * {@code splinter_parity_*} totals.
 */
public final class SplinterParity {
    /** Splinter's lint number and our rule that re-expresses it. */
    private static final Map<String, String> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("0001", "unindexed-foreign-key"), Map.entry("0002", "auth-users-exposed"), Map.entry("0003", "auth-rls-initplan"),
            Map.entry("0004", "missing-primary-key"), Map.entry("0006", "multiple-permissive-policies"),
            Map.entry("0007", "policy-exists-rls-disabled"), Map.entry("0008", "rls-enabled-no-policy"), Map.entry("0009", "duplicate-index"),
            Map.entry("0010", "security-definer-view"), Map.entry("0011", "function-search-path-mutable"),
            Map.entry("0013", "rls-disabled-in-public"), Map.entry("0014", "extension-in-public"),
            Map.entry("0015", "rls-references-user-metadata"), Map.entry("0016", "materialized-view-in-api"),
            Map.entry("0017", "foreign-table-in-api"), Map.entry("0018", "unsupported-reg-types"), Map.entry("0021", "auth-fk-to-non-primary-key"),
            Map.entry("0023", "sensitive-columns-exposed"), Map.entry("0024", "policy-always-true"),
            Map.entry("0025", "public-bucket-allows-listing"), Map.entry("0026", "pg-graphql-table-exposed"),
            Map.entry("0027", "pg-graphql-table-exposed"), Map.entry("0028", "security-definer-function-executable"),
            Map.entry("0029", "security-definer-function-executable")));
    /** Lints splinter splits by role where one rule of ours names the roles in its message. */
    private static final Map<String, String> ROLE = Map.of("0026", "anon", "0027", "authenticated", "0028", "anon", "0029", "authenticated");
    private static final Pattern LINT_QUERY = Pattern.compile("(?is)^select\\s+.*from\\s+lint\\.\"(\\d{4})_.*");
    private static final Pattern ROWS = Pattern.compile("^\\((\\d+) rows?\\)$");
    private static final Pattern PLATFORM_STAND_IN = Pattern.compile(
            "(?i)^create\\s+(?:schema\\s+(?:if\\s+not\\s+exists\\s+)?(?:storage|realtime|auth)\\b|table\\s+(?:if\\s+not\\s+exists\\s+)?storage\\.)");
    private static final Pattern DOLLAR = Pattern.compile("\\$[A-Za-z_]*\\$");

    /** The statements that made the schema a lint was asked about, and how many rows it returned. */
    record Checkpoint(List<String> statements, int rows) {
    }

    private SplinterParity() {
    }

    public static void main(String[] args) throws Exception {
        Path gitDir = Path.of(args[0]);
        String commit = args.length > 1 ? args[1] : "HEAD";
        Path work = Files.createTempDirectory("splinter-parity");
        int checkpoints = 0;
        int agree = 0;
        int failed = 0;
        Map<String, int[]> byLint = new LinkedHashMap<>();
        for (String file : git(gitDir, "ls-tree", "--name-only", commit, "test/expected/").split("\n")) {
            String lint = Path.of(file).getFileName().toString().substring(0, 4);
            String rule = RULES.get(lint);
            if (rule == null) {
                continue;
            }
            List<Checkpoint> scenario = parse(git(gitDir, "show", commit + ":" + file));
            for (int i = 0; i < scenario.size(); i++) {
                Checkpoint cp = scenario.get(i);
                Path project = work.resolve(lint + "-" + i);
                Path migrations = Files.createDirectories(project.resolve("supabase/migrations"));
                Files.writeString(migrations.resolve("20240101000000_scenario.sql"), String.join("\n", cp.statements) + "\n");
                // splinter's test database grants new tables to the API roles, as projects made before 2026 do
                Files.writeString(project.resolve("supabase/config.toml"), "[api]\nauto_expose_new_tables = true\n");
                // a server per checkpoint: roles a scenario creates are the server's, not the database's
                VerifyResult result = new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(project));
                String role = ROLE.get(lint);
                long ours = result.findings().stream().filter(f -> f.rule().equals(rule))
                        .filter(f -> role == null || f.message().contains(role)).count();
                boolean stopped = result.migrationFailure().isPresent();
                boolean same = !stopped && (ours > 0) == (cp.rows > 0);
                checkpoints++;
                agree += same ? 1 : 0;
                failed += stopped ? 1 : 0;
                int[] tally = byLint.computeIfAbsent(lint + " " + rule, k -> new int[2]);
                tally[0]++;
                tally[1] += same ? 1 : 0;
                System.out.println(lint + " #" + i + "\t" + rule + "\tsplinter=" + cp.rows + "\tours=" + (stopped ? "stopped: "
                        + result.migrationFailure().get().message().lines().findFirst().orElse("") : ours)
                        + (same ? "" : "\tDIFFERS"));
            }
        }
        byLint.forEach((k, v) -> System.out.println("splinter_parity{" + k.replace(' ', ',') + "}=" + v[1] + "/" + v[0]));
        System.out.println("splinter_parity_checkpoints=" + checkpoints);
        System.out.println("splinter_parity_agree=" + agree);
        System.out.println("splinter_parity_not_applied=" + failed);
    }

    /** The checkpoints of one expected-output file: statements as echoed, rolled back where the scenario rolls back. */
    static List<Checkpoint> parse(String out) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        Map<String, Integer> savepoints = new LinkedHashMap<>();
        StringBuilder buffer = new StringBuilder();
        boolean inResult = false;
        boolean lintPending = false;
        boolean counting = false;
        Integer counted = null;
        boolean inError = false;
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("ERROR:")) {
                // the statement echoed last failed on Supabase too: it made nothing
                if (!statements.isEmpty() && !inResult) {
                    statements.remove(statements.size() - 1);
                }
                inResult = false;
                lintPending = false;
                inError = true;
                continue;
            }
            if (line.startsWith("NOTICE:") || line.startsWith("WARNING:") || line.startsWith("INFO:")) {
                inError = true; // what follows (DETAIL, HINT, CONTEXT) belongs to the message, not to the script
                continue;
            }
            if (inError && (line.startsWith("LINE ") || line.startsWith("DETAIL:") || line.startsWith("HINT:") || line.startsWith("CONTEXT:")
                    || line.startsWith("QUERY:") || line.matches("^\\s*\\^\\s*$"))) {
                continue;
            }
            inError = false;
            if (inResult) {
                Matcher rows = ROWS.matcher(line.trim());
                if (rows.matches()) {
                    inResult = false;
                    if (lintPending) {
                        // select count(*) from lint."…" answers one row holding the count
                        int found = counting && counted != null ? counted : Integer.parseInt(rows.group(1));
                        checkpoints.add(new Checkpoint(List.copyOf(statements), found));
                        lintPending = false;
                    }
                } else if (counting && line.trim().matches("\\d+")) {
                    counted = Integer.parseInt(line.trim());
                }
                continue;
            }
            buffer.append(line).append('\n');
            if (!line.trim().endsWith(";") || insideDollarQuote(buffer)) {
                continue;
            }
            String statement = buffer.toString().strip();
            buffer.setLength(0);
            String bare = statement.replaceAll("(?m)^\\s*--.*$", "").strip();
            String lower = bare.toLowerCase();
            if (lower.matches("(?s)^(begin|commit|rollback|end)\\s*;")) {
                continue;
            }
            Matcher savepoint = Pattern.compile("(?i)^savepoint\\s+(\\w+)\\s*;").matcher(bare);
            Matcher rollbackTo = Pattern.compile("(?i)^rollback\\s+to\\s+(?:savepoint\\s+)?(\\w+)\\s*;").matcher(bare);
            if (savepoint.matches()) {
                savepoints.put(savepoint.group(1), statements.size());
            } else if (rollbackTo.matches()) {
                Integer at = savepoints.get(rollbackTo.group(1));
                if (at != null) {
                    statements.subList(at, statements.size()).clear();
                }
            } else if (lower.startsWith("release")) {
                continue;
            } else if (LINT_QUERY.matcher(bare).matches()) {
                inResult = true;
                lintPending = true;
                counting = lower.matches("(?s)^select\\s+count\\(\\*\\).*");
                counted = null;
            } else if (PLATFORM_STAND_IN.matcher(bare).find()) {
                // splinter's test database lacks these platform schemas and makes small ones; ours has the real ones
                continue;
            } else {
                statements.add(statement);
                inResult = lower.startsWith("select") || lower.startsWith("with") || lower.startsWith("table ");
            }
        }
        return checkpoints;
    }

    private static boolean insideDollarQuote(CharSequence text) {
        Matcher m = DOLLAR.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n % 2 == 1;
    }

    private static String git(Path gitDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + gitDir));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + out);
        }
        return out;
    }
}
