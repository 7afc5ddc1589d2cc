package io.github.authschema.rules;

import java.util.Set;

/** The schemas PostgREST exposes on a default Supabase project. */
final class ExposedSchemas {
    static final Set<String> NAMES = Set.of("public", "graphql_public");

    private ExposedSchemas() {
    }

    static boolean exposed(String schema) {
        return NAMES.contains(schema);
    }
}
