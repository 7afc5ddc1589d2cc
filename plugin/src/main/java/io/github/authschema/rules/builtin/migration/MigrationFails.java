package io.github.authschema.rules.builtin.migration;

import io.github.authschema.catalog.Location;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.List;

@RuleDefinition(
        id = "migration-fails",
        severity = Severity.ERROR,
        summary = "A migration does not apply.",
        rationale = "A migration that fails here fails in the deploy; later migrations were not applied or checked.",
        fix = "Fix the statement at the reported line and run again.")
public final class MigrationFails extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        return ctx.migrationFailures().stream()
                .filter(f -> !NullablePrimaryKey.matches(f) && !AuthSchemaModified.matches(f))
                .map(f -> finding(f.file().displayPath(), new Location(f.file().displayPath(), f.line()),
                        f.message() + (f.sqlState() == null ? "" : " (SQLSTATE " + f.sqlState() + ")")
                                + (f.statement() == null ? "" : " in: " + oneLine(f.statement()))))
                .toList();
    }

    private static String oneLine(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
