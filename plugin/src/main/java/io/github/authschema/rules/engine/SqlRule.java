package io.github.authschema.rules.engine;

import io.github.authschema.InvalidInputException;
import io.github.authschema.catalog.Location;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleMetadata;
import io.github.authschema.rules.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule written as a query: each row it returns, with columns {@code object} and {@code message}
 * (and optionally {@code fix}), is a finding. Front matter in leading comments names it:
 * <pre>
 * -- id: no-text-primary-keys
 * -- severity: WARN
 * -- summary: Primary keys should not be text.
 * -- fix: Use a uuid or an identity column.
 * select ... as object, ... as message from ...
 * </pre>
 * It runs read-only in the verified database, after the migrations.
 */
public final class SqlRule extends Rule {
    private static final Pattern FRONT_MATTER = Pattern.compile("^--\\s*(id|severity|summary|rationale|fix)\\s*:\\s*(.+?)\\s*$");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Path file;
    private final String sql;

    private SqlRule(Path file, Map<String, String> meta, String sql) {
        super(new RuleMetadata(meta.get("id"), Severity.parse(meta.getOrDefault("severity", "WARN"), "severity in " + file.getFileName()),
                meta.getOrDefault("summary", meta.get("id")),
                meta.getOrDefault("rationale", "A project rule from " + file.getFileName() + "."),
                meta.getOrDefault("fix", "See " + file.getFileName() + "."), false));
        this.file = file;
        this.sql = sql;
    }

    /** Every {@code .sql} file in the directory, as a rule; a file without an id is an error that names it. */
    public static List<Rule> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("The sqlRules directory " + directory + " does not exist. Create it or fix the setting.");
        }
        List<Rule> rules = new ArrayList<>();
        try (var files = Files.list(directory)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                rules.add(parse(f, Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the sqlRules directory " + directory + ": " + e.getMessage(), e);
        }
        return rules;
    }

    static SqlRule parse(Path file, String text) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = FRONT_MATTER.matcher(line.strip());
            if (m.matches()) {
                meta.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            }
        }
        String id = meta.get("id");
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException(file + " needs a front-matter line '-- id: my-rule-id' (lower-case words joined by '-').");
        }
        return new SqlRule(file, meta, text);
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        Connection c = ctx.connection();
        if (c == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction read only");
                try (ResultSet rs = s.executeQuery(sql)) {
                    ResultSetMetaData md = rs.getMetaData();
                    int object = column(md, "object");
                    int message = column(md, "message");
                    int fix = column(md, "fix");
                    if (object < 0 || message < 0) {
                        throw new InvalidInputException("SQL rule " + file + " must return columns object and message.");
                    }
                    while (rs.next()) {
                        String name = rs.getString(object);
                        Location at = name == null ? Location.UNKNOWN : ctx.catalog().origins().created(name);
                        out.add(fix < 0 ? finding(name, at, rs.getString(message)) : finding(name, at, rs.getString(message), rs.getString(fix)));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new InvalidInputException("SQL rule " + file + " failed: " + e.getMessage() + ". Fix the query.", e);
        }
        return out;
    }

    private static int column(ResultSetMetaData md, String name) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (md.getColumnLabel(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
