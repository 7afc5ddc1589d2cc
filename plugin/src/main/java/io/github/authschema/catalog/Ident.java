package io.github.authschema.catalog;

import java.util.regex.Pattern;

/** Names as PostgreSQL's object identities write them: quoted when they are not plain lower-case words. */
public final class Ident {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Ident() {
    }

    public static String quote(String name) {
        return PLAIN.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
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
