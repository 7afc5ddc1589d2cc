package io.github.authschema.rules.builtin.columns;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

@RuleDefinition(
        id = "prefer-timestamptz",
        severity = Severity.WARN,
        summary = "A column is timestamp without time zone (squawk prefer-timestamptz).",
        rationale = "timestamp stores wall-clock time with no zone: values written by the API (UTC), the dashboard and a client in "
                + "another zone cannot be compared. auth.users uses timestamptz throughout.",
        fix = "alter table ... alter column ... type timestamptz;")
public final class PreferTimestamptz extends ColumnTypeRule {
    @Override
    boolean matches(Table table, Column column) {
        return column.type().equals("timestamp");
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " is timestamp without time zone.";
    }
}
