package io.github.authschema.rules.builtin.columns;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.Set;

@RuleDefinition(
        id = "unsupported-reg-types",
        severity = Severity.WARN,
        summary = "A column stores an OID alias type that pg_upgrade cannot carry over (splinter 0018).",
        rationale = "Values of regproc, regoper, regconfig and the like are OIDs, which differ in the upgraded cluster; pg_upgrade "
                + "refuses such columns, which blocks the project's Postgres upgrade on Supabase.",
        fix = "Store the name as text (or use regclass, regtype or regrole, which pg_upgrade handles).")
public final class UnsupportedRegTypes extends ColumnTypeRule {
    private static final Set<String> TYPES = Set.of("regcollation", "regconfig", "regdictionary", "regnamespace", "regoper",
            "regoperator", "regproc", "regprocedure");

    @Override
    boolean matches(Table table, Column column) {
        return TYPES.contains(column.type());
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " is of type " + column.type() + ".";
    }
}
