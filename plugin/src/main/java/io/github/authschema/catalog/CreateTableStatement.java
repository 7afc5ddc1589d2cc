package io.github.authschema.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table name, column names and declared types of a CREATE TABLE IF NOT EXISTS statement: enough
 * to compare it with a table that already exists. {@code types} has each column's type as written
 * ({@code varchar(20)}, {@code timestamp with time zone}).
 */
public record CreateTableStatement(String schema, String table, List<String> columns, Map<String, String> types) {
    private static final String IDENT = Ident.SQL;
    private static final Pattern HEAD = Pattern.compile("(?is)^\\s*create\\s+(?:(?:global|local)\\s+)?(?:temp(?:orary)?\\s+|unlogged\\s+)?"
            + "table\\s+if\\s+not\\s+exists\\s+(" + IDENT + ")(?:\\s*\\.\\s*(" + IDENT + "))?\\s*\\(");
    private static final Set<String> NOT_COLUMNS = Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");
    /** Where a column's type ends and its constraints begin. */
    private static final Pattern TYPE_END = Pattern.compile("(?i)\\s+(?:not|null|default|constraint|primary|unique|check|references|generated|collate)\\b");

    public static Optional<CreateTableStatement> parse(String sql) {
        String text = Ident.withoutComments(sql);
        Matcher m = HEAD.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String schema = m.group(2) == null ? "public" : Ident.unquote(m.group(1));
        String table = Ident.unquote(m.group(2) == null ? m.group(1) : m.group(2));
        List<String> columns = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String element : topLevelElements(text, m.end())) {
            String[] parts = element.strip().split("\\s+", 2);
            String first = parts[0];
            if (!first.isEmpty() && !NOT_COLUMNS.contains(first.toLowerCase(Locale.ROOT))) {
                String column = Ident.unquote(first);
                columns.add(column);
                if (parts.length > 1) {
                    String rest = " " + parts[1].strip();
                    Matcher end = TYPE_END.matcher(rest);
                    types.put(column, (end.find() ? rest.substring(0, end.start()) : rest).strip());
                }
            }
        }
        return Optional.of(new CreateTableStatement(schema, table, List.copyOf(columns), Map.copyOf(types)));
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
}
