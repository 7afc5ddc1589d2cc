package io.github.authschema.release;

import io.github.authschema.catalog.CreateTableStatement;
import io.github.authschema.catalog.Ident;

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
 * What a {@code CREATE TABLE|INDEX|SCHEMA|SEQUENCE … IF NOT EXISTS} or {@code ADD COLUMN IF NOT EXISTS}
 * would do on the target. PostgreSQL skips such a statement with only a notice when the object
 * exists, so it is compared with the existing object just before it runs: when the shapes differ
 * (columns missing, other types; an index on another table, other columns or uniqueness) the
 * migration is refused; when they match the skip is harmless and only logged. A schema or sequence
 * states nothing beyond its name here, so its skip is only logged. (PostgreSQL has no
 * {@code CREATE TYPE IF NOT EXISTS}.)
 */
final class SkippedCreates {
    private static final String IDENT = Ident.SQL;
    private static final Pattern ALTER = Pattern.compile("(?is)^\\s*alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?(" + IDENT
            + ")(?:\\s*\\.\\s*(" + IDENT + "))?\\s");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)\\badd\\s+(?:column\\s+)?if\\s+not\\s+exists\\s+(" + IDENT
            + ")\\s+(.+?)(?=\\s*(?:,|;|$)|\\s+(?:not|null|default|constraint|primary|unique|check|references|generated|collate)\\b)");

    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^\\s*create\\s+(unique\\s+)?index\\s+(?:concurrently\\s+)?if\\s+not\\s+exists\\s+("
            + IDENT + ")\\s+on\\s+(?:only\\s+)?(" + IDENT + ")(?:\\s*\\.\\s*(" + IDENT + "))?\\s*(?:using\\s+\\w+\\s*)?\\(");
    private static final Pattern CREATE_OTHER = Pattern.compile("(?is)^\\s*create\\s+(schema|sequence)\\s+if\\s+not\\s+exists\\s+("
            + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")?)");

    /** A statement the target would skip: what it declares, what exists, and whether that is a problem. */
    record Skip(String statement, String object, String difference, boolean conflict) {
    }

    private SkippedCreates() {
    }

    /** How {@code sql} would be skipped on the target as it is now; empty when it would run. */
    static Optional<Skip> check(Connection target, String sql) throws SQLException {
        String text = Ident.withoutComments(sql);
        Optional<CreateTableStatement> create = CreateTableStatement.parse(text);
        if (create.isPresent()) {
            return table(target, create.get());
        }
        Matcher index = CREATE_INDEX.matcher(text);
        if (index.find()) {
            return index(target, index, text);
        }
        Matcher other = CREATE_OTHER.matcher(text);
        if (other.find()) {
            return other(target, other.group(1).toLowerCase(Locale.ROOT), other.group(2));
        }
        Matcher alter = ALTER.matcher(text);
        if (alter.find()) {
            return columns(target, Ident.unquote(alter.group(2) == null ? "public" : alter.group(1)),
                    Ident.unquote(alter.group(2) == null ? alter.group(1) : alter.group(2)), text.substring(alter.end()));
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
            String column = Ident.unquote(add.group(1));
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

    /**
     * An index of that name on another table, with other columns or uniqueness: queries that were to
     * use the new index, or a uniqueness the application counts on, would silently be missing.
     */
    private static Optional<Skip> index(Connection target, Matcher m, String text) throws SQLException {
        String name = Ident.unquote(m.group(2));
        String schema = m.group(4) == null ? "public" : Ident.unquote(m.group(3));
        String table = Ident.unquote(m.group(4) == null ? m.group(3) : m.group(4));
        try (PreparedStatement ps = target.prepareStatement("select i.indrelid::pg_catalog.regclass::text, i.indisunique, "
                + "pg_catalog.pg_get_indexdef(i.indexrelid) from pg_catalog.pg_index i join pg_catalog.pg_class c on c.oid = i.indexrelid "
                + "join pg_catalog.pg_namespace n on n.oid = c.relnamespace where c.relname = ? and n.nspname = ?")) {
            ps.setString(1, name);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String existingTable = rs.getString(1).replaceFirst("^public\\.", "");
                String existingColumns = columnsOf(rs.getString(3));
                List<String> differences = new ArrayList<>();
                String wantedTable = schema.equals("public") ? table : schema + "." + table;
                if (!existingTable.equals(wantedTable)) {
                    differences.add("it is on " + existingTable + ", not " + wantedTable);
                }
                String wantedColumns = normalized(parenthesized(text, m.end() - 1));
                if (!existingColumns.equals(wantedColumns)) {
                    differences.add("it covers (" + existingColumns + "), not (" + wantedColumns + ")");
                }
                if (rs.getBoolean(2) != (m.group(1) != null)) {
                    differences.add(rs.getBoolean(2) ? "it is unique, the statement's is not" : "it is not unique, the statement's is");
                }
                return Optional.of(new Skip("CREATE INDEX IF NOT EXISTS " + schema + "." + name, "index " + schema + "." + name,
                        differences.isEmpty() ? " The same definition." : " " + capitalized(String.join("; ", differences)) + ".",
                        !differences.isEmpty()));
            }
        }
    }

    /** A schema or sequence that exists: it has no shape the statement states beyond its name, so the skip is only logged. */
    private static Optional<Skip> other(Connection target, String kind, String qualifiedName) throws SQLException {
        String sql = kind.equals("schema") ? "select pg_catalog.to_regnamespace(?) is not null" : "select pg_catalog.to_regclass(?) is not null";
        try (PreparedStatement ps = target.prepareStatement(sql)) {
            ps.setString(1, qualifiedName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) ? Optional.of(new Skip("CREATE " + kind.toUpperCase(Locale.ROOT) + " IF NOT EXISTS " + qualifiedName,
                        kind + " " + qualifiedName, " It already exists.", false)) : Optional.empty();
            }
        }
    }

    private static String columnsOf(String indexDefinition) {
        int open = indexDefinition.indexOf('(', Math.max(0, indexDefinition.toUpperCase(Locale.ROOT).indexOf(" USING ")));
        return open < 0 ? "" : normalized(parenthesized(indexDefinition, open));
    }

    /** What the parentheses opening at {@code open} hold, up to the one that closes them (a WHERE or INCLUDE after it is not). */
    private static String parenthesized(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        return text.substring(open + 1);
    }

    private static String normalized(String columns) {
        return columns.replace("\"", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
}
