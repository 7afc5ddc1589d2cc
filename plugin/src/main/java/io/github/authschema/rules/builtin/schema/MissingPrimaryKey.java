package io.github.authschema.rules.builtin.schema;

import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "missing-primary-key",
        severity = Severity.INFO,
        summary = "A table has no primary key (splinter 0004).",
        rationale = "Without a key, rows cannot be addressed one by one: the API cannot update or delete a single row safely, "
                + "realtime and logical replication cannot identify changes, and duplicates creep in.",
        fix = "Add a primary key: an identity column, a uuid, or the natural key.")
public final class MissingPrimaryKey extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            if (t.primaryKey().isEmpty()) {
                out.add(finding(t.qualifiedName(), ctx.catalog().locate(t), t.qualifiedName() + " has no primary key."));
            }
        }
        return out;
    }
}
