package io.github.authschema.rules.builtin.columns;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

@RuleDefinition(
        id = "prefer-bigint-over-int",
        severity = Severity.INFO,
        summary = "A primary-key column is integer or smallint (squawk prefer-bigint-over-int).",
        rationale = "An int4 key runs out at 2.1 billion rows, and widening it later rewrites the table and every table that "
                + "references it, under an exclusive lock.",
        fix = "Use bigint (bigint generated always as identity), or uuid.")
public final class PreferBigintOverInt extends ColumnTypeRule {
    @Override
    boolean matches(Table table, Column column) {
        return table.primaryKey().contains(column.name()) && (column.type().equals("int4") || column.type().equals("int2"));
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " is a " + column.type() + " key.";
    }
}
