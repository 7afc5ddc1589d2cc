package io.github.authschema.rules;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.ForeignKey;
import io.github.authschema.catalog.Table;

import java.util.ArrayList;
import java.util.List;

public final class SetNullOnNotNull extends Rule {
    public SetNullOnNotNull() {
        super("set-null-on-not-null", Severity.ERROR,
                "ON DELETE SET NULL on a NOT NULL column: the delete it is meant to allow fails.",
                "PostgreSQL accepts the declaration, then raises a not-null violation at delete time. The mistake shows only when "
                        + "the first user or parent row is deleted, in production.",
                "Make the column nullable, or use ON DELETE CASCADE if the row cannot exist without its parent.");
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForeignKey fk : ctx.catalog().projectForeignKeys()) {
            if (fk.onDelete() != 'n') {
                continue;
            }
            Table table = ctx.catalog().table(fk.schema(), fk.table()).orElseThrow();
            for (String name : fk.columns()) {
                Column column = table.column(name).orElse(null);
                if (column != null && column.notNull()) {
                    out.add(finding(fk.objectName(), ctx.catalog().locate(fk),
                            fk.qualifiedTable() + "." + name + " is NOT NULL but " + fk.name() + " sets it to NULL on delete of "
                                    + fk.qualifiedTarget() + ": that delete will fail.",
                            "Drop NOT NULL from " + fk.qualifiedTable() + "." + name + ", or change " + fk.name() + " to ON DELETE CASCADE."));
                }
            }
        }
        return out;
    }
}
