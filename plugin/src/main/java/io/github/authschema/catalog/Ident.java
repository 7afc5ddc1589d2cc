package io.github.authschema.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/** Names as PostgreSQL's object identities write them: quoted when they are not plain lower-case words. */
public final class Ident {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** One identifier as SQL text writes it, quoted or not: for patterns that read statements. */
    public static final String SQL = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)";

    private Ident() {
    }

    public static String quote(String name) {
        return PLAIN.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /** An identifier as written in SQL, as PostgreSQL stores it: quotes removed, or folded to lower case. */
    public static String unquote(String ident) {
        if (ident.startsWith("\"") && ident.endsWith("\"") && ident.length() >= 2) {
            return ident.substring(1, ident.length() - 1).replace("\"\"", "\"");
        }
        return ident.toLowerCase(Locale.ROOT);
    }

    /** SQL text without its comments, each replaced by a space. */
    public static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }

    /** schema.name, each part quoted as needed. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** "name on schema.table", the identity of policies and triggers. */
    public static String on(String name, String schema, String table) {
        return quote(name) + " on " + qualified(schema, table);
    }
}
