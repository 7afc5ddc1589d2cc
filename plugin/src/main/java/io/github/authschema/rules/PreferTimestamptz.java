package io.github.authschema.rules;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;

public final class PreferTimestamptz extends ColumnTypeRule {
    public PreferTimestamptz() {
        super("prefer-timestamptz", Severity.WARN,
                "A column is timestamp without time zone (squawk prefer-timestamptz).",
                "timestamp stores wall-clock time with no zone: values written by the API (UTC), the dashboard and a client in "
                        + "another zone cannot be compared. auth.users uses timestamptz throughout.",
                "alter table ... alter column ... type timestamptz;");
    }

    @Override
    boolean matches(Table table, Column column) {
        return column.type().equals("timestamp");
    }

    @Override
    String message(Table table, Column column) {
        return table.qualifiedName() + "." + column.name() + " is timestamp without time zone.";
    }
}
