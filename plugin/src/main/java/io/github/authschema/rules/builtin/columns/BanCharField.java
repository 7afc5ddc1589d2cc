package io.github.authschema.rules.builtin.columns;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

@RuleDefinition(
        id = "ban-char-field",
        severity = Severity.WARN,
        summary = "A column is char(n) (squawk ban-char-field).",
        rationale = "char(n) pads values with spaces and compares them oddly; a phone or code stored as char(15) never equals the "
                + "same value from auth.users.",
        fix = "Use text.")
public final class BanCharField extends ColumnTypeRule {
    @Override
    boolean matches(Table table, Column column) {
        return column.type().equals("bpchar");
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " is char(n).";
    }
}
