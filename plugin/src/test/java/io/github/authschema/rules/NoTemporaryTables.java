package io.github.authschema.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule shipped in a jar and found through ServiceLoader, as a team's own rule would be. */
@RuleDefinition(
        id = "no-temporary-tables",
        severity = Severity.INFO,
        summary = "A tmp_ table made it into a migration.",
        rationale = "Import scratch tables belong in a script, not in the schema.",
        fix = "Drop the table in a later migration.")
public final class NoTemporaryTables extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        return ctx.catalog().projectTables().stream().filter(t -> t.name().startsWith("tmp_"))
                .map(t -> finding(t.qualifiedName(), ctx.catalog().locate(t), t.qualifiedName() + " looks like a scratch table."))
                .collect(Collectors.toList());
    }
}
