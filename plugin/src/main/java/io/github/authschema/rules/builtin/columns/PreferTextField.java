package io.github.authschema.rules.builtin.columns;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

@RuleDefinition(
        id = "prefer-text-field",
        severity = Severity.INFO,
        summary = "A column is varchar(n) (squawk prefer-text-field).",
        rationale = "In PostgreSQL varchar(n) is text with a length check that needs a table rewrite (an exclusive lock) to change; "
                + "the auth service's own phone column went from varchar(15) to text for that reason.",
        fix = "Use text, with a CHECK (char_length(col) <= n) if the limit matters.")
public final class PreferTextField extends ColumnTypeRule {
    @Override
    boolean matches(Table table, Column column) {
        return column.type().equals("varchar");
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " is varchar with a length limit.";
    }
}
