package io.github.authschema.rules;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;

public final class BanCharField extends ColumnTypeRule {
    public BanCharField() {
        super("ban-char-field", Severity.WARN,
                "A column is char(n) (squawk ban-char-field).",
                "char(n) pads values with spaces and compares them oddly; a phone or code stored as char(15) never equals the "
                        + "same value from auth.users.",
                "Use text.");
    }

    @Override
    boolean matches(Table table, Column column) {
        return column.type().equals("bpchar");
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " is char(n).";
    }
}
