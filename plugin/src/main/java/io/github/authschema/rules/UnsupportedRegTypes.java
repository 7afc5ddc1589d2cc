package io.github.authschema.rules;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;

import java.util.Set;

public final class UnsupportedRegTypes extends ColumnTypeRule {
    private static final Set<String> TYPES = Set.of("regcollation", "regconfig", "regdictionary", "regnamespace", "regoper",
            "regoperator", "regproc", "regprocedure");

    public UnsupportedRegTypes() {
        super("unsupported-reg-types", Severity.WARN,
                "A column stores an OID alias type that pg_upgrade cannot carry over (splinter 0018).",
                "Values of regproc, regoper, regconfig and the like are OIDs, which differ in the upgraded cluster; pg_upgrade "
                        + "refuses such columns, which blocks the project's Postgres upgrade on Supabase.",
                "Store the name as text (or use regclass, regtype or regrole, which pg_upgrade handles).");
    }

    @Override
    boolean matches(Table table, Column column) {
        return TYPES.contains(column.type());
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " is of type " + column.type() + ".";
    }
}
