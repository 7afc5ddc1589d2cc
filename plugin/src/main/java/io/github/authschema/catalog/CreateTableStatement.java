package io.github.authschema.rules.builtin.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The table name and column names of a CREATE TABLE statement; enough to compare it with a table. */
record CreateTableStatement(String schema, String table, List<String> columns) {
    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)";
    private static final Pattern HEAD = Pattern.compile("(?is)^\\s*create\\s+(?:(?:global|local)\\s+)?(?:temp(?:orary)?\\s+|unlogged\\s+)?"
            + "table\\s+if\\s+not\\s+exists\\s+(" + IDENT + ")(?:\\s*\\.\\s*(" + IDENT + "))?\\s*\\(");
    private static final Set<String> NOT_COLUMNS = Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");

    static Optional<CreateTableStatement> parse(String sql) {
        String text = stripComments(sql);
        Matcher m = HEAD.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String schema = m.group(2) == null ? "public" : unquote(m.group(1));
        String table = unquote(m.group(2) == null ? m.group(1) : m.group(2));
        List<String> columns = new ArrayList<>();
        for (String element : topLevelElements(text, m.end())) {
            String first = element.strip().split("\\s+", 2)[0];
            if (!first.isEmpty() && !NOT_COLUMNS.contains(first.toLowerCase(Locale.ROOT))) {
                columns.add(unquote(first));
            }
        }
        return Optional.of(new CreateTableStatement(schema, table, columns));
    }

    private static List<String> topLevelElements(String text, int from) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        boolean string = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (string) {
                string = ch != '\'';
            } else if (quoted) {
                quoted = ch != '"';
            } else if (ch == '\'') {
                string = true;
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (depth == 0) {
                    out.add(current.toString());
                    return out;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        return out;
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }

    private static String unquote(String ident) {
        if (ident.startsWith("\"") && ident.endsWith("\"") && ident.length() >= 2) {
            return ident.substring(1, ident.length() - 1).replace("\"\"", "\"");
        }
        return ident.toLowerCase(Locale.ROOT);
    }
}
