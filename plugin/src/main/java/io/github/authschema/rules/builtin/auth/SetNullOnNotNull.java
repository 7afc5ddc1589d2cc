package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.ForeignKey;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "set-null-on-not-null",
        severity = Severity.ERROR,
        summary = "ON DELETE SET NULL on a NOT NULL column: the delete it is meant to allow fails.",
        rationale = "PostgreSQL accepts the declaration, then raises a not-null violation at delete time. The mistake shows only when "
                + "the first user or parent row is deleted, in production.",
        fix = "Make the column nullable, or use ON DELETE CASCADE if the row cannot exist without its parent.")
public final class SetNullOnNotNull extends Rule {
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
