package io.github.authschema.rules;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;

public final class PreferIdentity extends ColumnTypeRule {
    public PreferIdentity() {
        super("prefer-identity", Severity.INFO,
                "A column uses serial instead of an identity column (squawk prefer-identity).",
                "serial creates a separately owned sequence whose privileges must be granted to the API roles on their own; an "
                        + "identity column is part of the table and follows its grants and its ownership.",
                "bigint generated always as identity (or by default as identity).");
    }

    @Override
    boolean matches(Table table, Column column) {
        return !column.identity() && column.defaultExpression() != null && column.defaultExpression().startsWith("nextval(");
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " takes its default from a sequence (serial).";
    }
}
