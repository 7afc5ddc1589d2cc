package io.github.authschema.rules.builtin.columns;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

@RuleDefinition(
        id = "prefer-identity",
        severity = Severity.INFO,
        summary = "A column uses serial instead of an identity column (squawk prefer-identity).",
        rationale = "serial creates a separately owned sequence whose privileges must be granted to the API roles on their own; an "
                + "identity column is part of the table and follows its grants and its ownership.",
        fix = "bigint generated always as identity (or by default as identity).")
public final class PreferIdentity extends ColumnTypeRule {
    @Override
    boolean matches(Table table, Column column) {
        return !column.identity() && column.defaultExpression() != null && column.defaultExpression().startsWith("nextval(");
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " takes its default from a sequence (serial).";
    }
}
