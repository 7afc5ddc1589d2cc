package io.github.authschema.rules;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;

public final class PreferBigintOverInt extends ColumnTypeRule {
    public PreferBigintOverInt() {
        super("prefer-bigint-over-int", Severity.INFO,
                "A primary-key column is integer or smallint (squawk prefer-bigint-over-int).",
                "An int4 key runs out at 2.1 billion rows, and widening it later rewrites the table and every table that "
                        + "references it, under an exclusive lock.",
                "Use bigint (bigint generated always as identity), or uuid.");
    }

    @Override
    boolean matches(Table table, Column column) {
        return table.primaryKey().contains(column.name()) && (column.type().equals("int4") || column.type().equals("int2"));
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " is a " + column.type() + " key.";
    }
}
