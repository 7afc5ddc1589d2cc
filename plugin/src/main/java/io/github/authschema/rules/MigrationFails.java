package io.github.authschema.rules;

import io.github.authschema.catalog.Location;

import java.util.List;

public final class MigrationFails extends Rule {
    public MigrationFails() {
        super("migration-fails", Severity.ERROR,
                "A migration does not apply.",
                "A migration that fails here fails in the deploy; later migrations were not applied or checked.",
                "Fix the statement at the reported line and run again.");
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        return ctx.migrationFailure()
                .filter(f -> !NullablePrimaryKey.matches(f) && !AuthSchemaModified.matches(f))
                .map(f -> List.of(finding(f.file().displayPath(), new Location(f.file().displayPath(), f.line()),
                        f.message() + (f.sqlState() == null ? "" : " (SQLSTATE " + f.sqlState() + ")")
                                + (f.statement() == null ? "" : " in: " + oneLine(f.statement())))))
                .orElse(List.of());
    }

    private static String oneLine(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
