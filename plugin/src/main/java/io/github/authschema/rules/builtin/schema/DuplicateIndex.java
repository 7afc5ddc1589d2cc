package io.github.authschema.rules.builtin.schema;

import io.github.authschema.catalog.Index;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RuleDefinition(
        id = "duplicate-index",
        severity = Severity.WARN,
        summary = "Two indexes on a table are identical but for their name (splinter 0009).",
        rationale = "Every insert and update maintains both, and both take space and cache, for no gain in reads.",
        fix = "Drop one of them.")
public final class DuplicateIndex extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            Map<String, Index> seen = new LinkedHashMap<>();
            for (Index i : ctx.catalog().indexesOn(t.schema(), t.name())) {
                Index first = seen.putIfAbsent(i.definitionWithoutName(), i);
                if (first != null) {
                    Index dropMe = keepRank(i) > keepRank(first) ? first : i;
                    Index keep = dropMe == i ? first : i;
                    out.add(finding(t.schema() + "." + dropMe.name(), ctx.catalog().locateIndex(t.schema(), t.name(), dropMe.name()),
                            "Index " + dropMe.name() + " duplicates " + keep.name() + " on " + t.qualifiedName() + ".",
                            dropMe.constraint() ? "alter table " + t.qualifiedName() + " drop constraint " + dropMe.name() + ";"
                                    : "drop index " + t.schema() + "." + dropMe.name() + ";"));
                }
            }
        }
        return out;
    }

    /** Which of two equal indexes to keep: the primary key's, then a constraint's, then a unique one; else the first. */
    private static int keepRank(Index i) {
        return i.primary() ? 3 : i.constraint() ? 2 : i.unique() ? 1 : 0;
    }
}
