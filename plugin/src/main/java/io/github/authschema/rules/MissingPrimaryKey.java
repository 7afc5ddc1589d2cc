package io.github.authschema.rules;

import io.github.authschema.catalog.Table;

import java.util.ArrayList;
import java.util.List;

public final class MissingPrimaryKey extends Rule {
    public MissingPrimaryKey() {
        super("missing-primary-key", Severity.INFO,
                "A table has no primary key (splinter 0004).",
                "Without a key, rows cannot be addressed one by one: the API cannot update or delete a single row safely, "
                        + "realtime and logical replication cannot identify changes, and duplicates creep in.",
                "Add a primary key: an identity column, a uuid, or the natural key.");
    }

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
