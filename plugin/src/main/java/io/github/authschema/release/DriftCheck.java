package io.github.authschema.release;

import io.github.authschema.release.MigrateResult.Conflict;
import io.github.authschema.release.MigrateResult.Drift;
import io.github.authschema.testkit.internal.migrate.MigrationFile;
import io.github.authschema.testkit.internal.migrate.SqlStatements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target against a schema it should hold, as lines of the catalog's summary, and which
 * differences the pending migrations meet: a difference in an object a pending statement names is
 * one that statement runs into (a CREATE … IF NOT EXISTS that is skipped, an ALTER of a column that
 * is not there, a foreign key to a table of another shape).
 */
final class DriftCheck {
    private static final Pattern INDEX_TABLE = Pattern.compile("(?i)\\bON\\s+(?:ONLY\\s+)?(\\S+)\\s+USING\\b");

    private DriftCheck() {
    }

    static Drift diff(SortedSet<String> expected, SortedSet<String> target) {
        SortedSet<String> onlyTarget = new TreeSet<>(target);
        onlyTarget.removeAll(expected);
        SortedSet<String> onlyExpected = new TreeSet<>(expected);
        onlyExpected.removeAll(target);
        // the history tables are the release tools' own
        onlyTarget.removeIf(line -> line.contains("supabase_migrations") || line.contains("flyway_schema_history"));
        return new Drift(List.copyOf(onlyTarget), List.copyOf(onlyExpected));
    }

    static List<Conflict> conflicts(Drift drift, List<MigrationFile> pending) {
        List<Conflict> out = new ArrayList<>();
        for (String line : drift.onlyInTarget()) {
            firstMention(line, pending).ifPresent(c -> out.add(new Conflict("only on the target: " + line, c.object(), c.file(), c.line())));
        }
        for (String line : drift.onlyInMigrations()) {
            firstMention(line, pending).ifPresent(c -> out.add(new Conflict("missing on the target: " + line, c.object(), c.file(), c.line())));
        }
        return out;
    }

    private static Optional<Conflict> firstMention(String line, List<MigrationFile> pending) {
        String object = subject(line);
        if (object == null) {
            return Optional.empty();
        }
        Pattern named = mention(object);
        for (MigrationFile f : pending) {
            for (SqlStatements.Located statement : SqlStatements.locate(f.sql())) {
                if (named.matcher(statement.sql()).find()) {
                    return Optional.of(new Conflict(line, object, f.displayPath(), statement.line()));
                }
            }
        }
        return Optional.empty();
    }

    /** The table (or function) a summary line is about, as schema.name. */
    static String subject(String line) {
        int space = line.indexOf(' ');
        String kind = line.startsWith("foreign key ") ? "foreign key" : space < 0 ? line : line.substring(0, space);
        String rest = line.substring(Math.min(line.length(), kind.length() + 1));
        switch (kind) {
            case "index": {
                Matcher m = INDEX_TABLE.matcher(rest);
                return m.find() ? m.group(1) : null;
            }
            case "function": {
                int paren = rest.indexOf('(');
                return paren < 0 ? null : rest.substring(0, paren);
            }
            case "table":
            case "column":
            case "foreign key":
            case "policy":
            case "trigger": {
                String[] parts = rest.split("\\s", 2)[0].split("\\.");
                return parts.length < 2 ? null : parts[0] + "." + parts[1];
            }
            default:
                return null;
        }
    }

    /** A statement names schema.name: qualified, or bare when the schema is public. */
    private static Pattern mention(String object) {
        String[] parts = object.split("\\.", 2);
        String schema = Pattern.quote(parts[0].toLowerCase(Locale.ROOT));
        String name = Pattern.quote(parts[1].toLowerCase(Locale.ROOT));
        String qualified = "\"?" + schema + "\"?\\s*\\.\\s*\"?" + name + "\"?";
        String bare = "\"?" + name + "\"?";
        return Pattern.compile("(?i)(?<![\\w$.\"])(?:" + qualified + (parts[0].equals("public") ? "|" + bare : "") + ")(?![\\w$\"])");
    }
}
