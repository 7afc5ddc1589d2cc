package io.github.authschema.rules.builtin.schema;

import io.github.authschema.catalog.ForeignKey;
import io.github.authschema.catalog.Index;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "unindexed-foreign-key",
        severity = Severity.INFO,
        summary = "A foreign key has no index that starts with its columns (splinter 0001).",
        rationale = "Every delete of an auth user (or any parent row) scans the child table for referencing rows, and RLS policies "
                + "that join on the key do too. Without an index both are sequential scans that grow with the table.",
        fix = "Create an index on the foreign key's columns.")
public final class UnindexedForeignKey extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForeignKey fk : ctx.catalog().projectForeignKeys()) {
            boolean covered = ctx.catalog().indexesOn(fk.schema(), fk.table()).stream().anyMatch(i -> leadsWith(i, fk.columns()));
            if (!covered) {
                out.add(finding(fk.objectName(), ctx.catalog().locate(fk),
                        fk.qualifiedTable() + "(" + String.join(", ", fk.columns()) + ") has no index for " + fk.name() + ".",
                        "create index on " + fk.qualifiedTable() + " (" + String.join(", ", fk.columns()) + ");"));
            }
        }
        return out;
    }

    private static boolean leadsWith(Index index, List<String> columns) {
        return !index.partial() && index.columns().size() >= columns.size()
                && index.columns().subList(0, columns.size()).equals(columns);
    }
}
