package io.github.authschema.release;

import io.github.authschema.catalog.CreateTableStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code CREATE TABLE … IF NOT EXISTS} or {@code ADD COLUMN IF NOT EXISTS} would do on the
 * target. PostgreSQL skips such a statement with only a notice when the object exists, so it is
 * compared with the existing object just before it runs: when the shapes differ (columns missing,
 * other types) the migration is refused; when they match the skip is harmless and only logged.
 */
final class SkippedCreates {
    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)";
    private static final Pattern ALTER = Pattern.compile("(?is)^\\s*alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?(" + IDENT
            + ")(?:\\s*\\.\\s*(" + IDENT + "))?\\s");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)\\badd\\s+(?:column\\s+)?if\\s+not\\s+exists\\s+(" + IDENT
            + ")\\s+(.+?)(?=\\s*(?:,|;|$)|\\s+(?:not|null|default|constraint|primary|unique|check|references|generated|collate)\\b)");

    /** A statement the target would skip: what it declares, what exists, and whether that is a problem. */
    record Skip(String statement, String object, String difference, boolean conflict) {
    }

    private SkippedCreates() {
    }

    /** How {@code sql} would be skipped on the target as it is now; empty when it would run. */
    static Optional<Skip> check(Connection target, String sql) throws SQLException {
        String text = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
        Optional<CreateTableStatement> create = CreateTableStatement.parse(text);
        if (create.isPresent()) {
            return table(target, create.get());
        }
        Matcher alter = ALTER.matcher(text);
        if (alter.find()) {
            return columns(target, unquote(alter.group(2) == null ? "public" : alter.group(1)),
                    unquote(alter.group(2) == null ? alter.group(1) : alter.group(2)), text.substring(alter.end()));
        }
        return Optional.empty();
    }

    private static Optional<Skip> table(Connection target, CreateTableStatement stmt) throws SQLException {
        Map<String, String> existing = columns(target, stmt.schema(), stmt.table());
        if (existing == null) {
            return Optional.empty();
        }
        String name = stmt.schema() + "." + stmt.table();
        List<String> missing = stmt.columns().stream().filter(c -> !existing.containsKey(c)).toList();
        List<String> extra = existing.keySet().stream().filter(c -> !stmt.columns().contains(c)).toList();
        List<String> otherTypes = new ArrayList<>();
        for (Map.Entry<String, String> declared : stmt.types().entrySet()) {
            String there = existing.get(declared.getKey());
            String here = normalizedType(target, declared.getValue());
            if (there != null && here != null && !here.equals(there)) {
                otherTypes.add(declared.getKey() + " (" + here + " in the statement, " + there + " on the target)");
            }
        }
        StringBuilder difference = new StringBuilder();
        if (!missing.isEmpty()) {
            difference.append(" Missing on the target: ").append(String.join(", ", missing)).append('.');
        }
        if (!otherTypes.isEmpty()) {
            difference.append(" Other types: ").append(String.join(", ", otherTypes)).append('.');
        }
        if (!extra.isEmpty()) {
            difference.append(" Only on the target: ").append(String.join(", ", extra)).append('.');
        }
        boolean conflict = !missing.isEmpty() || !otherTypes.isEmpty();
        return Optional.of(new Skip("CREATE TABLE IF NOT EXISTS " + name, "table " + name,
                difference.length() == 0 ? " The same columns." : difference.toString(), conflict));
    }

    private static Optional<Skip> columns(Connection target, String schema, String table, String actions) throws SQLException {
        Matcher add = ADD_COLUMN.matcher(actions);
        List<String> differences = new ArrayList<>();
        List<String> same = new ArrayList<>();
        Map<String, String> existing = null;
        while (add.find()) {
            existing = existing != null ? existing : columns(target, schema, table);
            if (existing == null) {
                return Optional.empty();
            }
            String column = unquote(add.group(1));
            String there = existing.get(column);
            if (there == null) {
                continue;
            }
            String here = normalizedType(target, add.group(2).strip());
            if (here != null && !here.equals(there)) {
                differences.add(column + " (" + here + " in the statement, " + there + " on the target)");
            } else {
                same.add(column);
            }
        }
        if (differences.isEmpty() && same.isEmpty()) {
            return Optional.empty();
        }
        String name = schema + "." + table;
        return Optional.of(new Skip("ADD COLUMN IF NOT EXISTS on " + name, "table " + name, differences.isEmpty()
                ? " The column already exists with the same type: " + String.join(", ", same) + "."
                : " Other types: " + String.join(", ", differences) + ".", !differences.isEmpty()));
    }

    /** Column name to type (without modifiers) of an existing table; null when there is no such table. */
    private static Map<String, String> columns(Connection target, String schema, String table) throws SQLException {
        try (PreparedStatement ps = target.prepareStatement("select a.attname, pg_catalog.format_type(a.atttypid, null) "
                + "from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace "
                + "left join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped "
                + "where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p') order by a.attnum")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, String> out = null;
                while (rs.next()) {
                    out = out == null ? new LinkedHashMap<>() : out;
                    if (rs.getString(1) != null) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
                return out;
            }
        }
    }

    /** A declared type as PostgreSQL names it, without modifiers; null when the target does not know it (yet). */
    private static String normalizedType(Connection target, String declared) throws SQLException {
        // to_regtype raises on text that is no type name at all; inside the migration's transaction that must not abort it
        Savepoint savepoint = target.getAutoCommit() ? null : target.setSavepoint();
        try (PreparedStatement ps = target.prepareStatement("select pg_catalog.format_type(pg_catalog.to_regtype(?), null)")) {
            ps.setString(1, declared);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException unparsable) {
            if (savepoint != null) {
                target.rollback(savepoint);
            }
            return null;
        } finally {
            if (savepoint != null) {
                target.releaseSavepoint(savepoint);
            }
        }
    }

    private static String unquote(String ident) {
        if (ident.startsWith("\"") && ident.endsWith("\"") && ident.length() >= 2) {
            return ident.substring(1, ident.length() - 1).replace("\"\"", "\"");
        }
        return ident.toLowerCase(Locale.ROOT);
    }
}
