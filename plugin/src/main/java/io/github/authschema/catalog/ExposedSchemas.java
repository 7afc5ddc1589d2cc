package io.github.authschema.catalog;

import java.util.Set;

/** The schemas PostgREST exposes on a default Supabase project. */
public final class ExposedSchemas {
    public static final Set<String> NAMES = Set.of("public", "graphql_public");

    private ExposedSchemas() {
    }

    public static boolean exposed(String schema) {
        return NAMES.contains(schema);
    }
}
