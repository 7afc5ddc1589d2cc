package io.github.authschema.rules.builtin.migration;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.CreateTableStatement;
import io.github.authschema.catalog.Table;
import io.github.authschema.catalog.TraceEvent;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

@RuleDefinition(
        id = "if-not-exists-skipped",
        severity = Severity.ERROR,
        summary = "A CREATE TABLE IF NOT EXISTS did nothing because the table already existed.",
        rationale = "PostgreSQL only says \"already exists, skipping\" as a notice. If the existing table has other columns, the "
                + "migration's table was never created and later code finds columns missing. ERROR when the columns "
                + "differ, WARN when they match.",
        fix = "Remove the duplicate CREATE, or turn it into ALTER TABLE ... ADD COLUMN for the columns it was meant to add.")
public final class IfNotExistsSkipped extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        Catalog catalog = ctx.catalog();
        List<Finding> out = new ArrayList<>();
        for (TraceEvent e : catalog.origins().matching(ev -> ev.skipped() && "CREATE TABLE".equals(ev.commandTag()))) {
            Optional<CreateTableStatement> parsed = CreateTableStatement.parse(e.statement());
            if (parsed.isEmpty()) {
                continue;
            }
            CreateTableStatement stmt = parsed.get();
            String name = stmt.schema() + "." + stmt.table();
            Optional<Table> existing = catalog.table(stmt.schema(), stmt.table());
            List<String> existingColumns = existing.map(t -> t.columns().stream().map(Column::name).collect(Collectors.toList()))
                    .orElse(List.of());
            List<String> missing = stmt.columns().stream().filter(c -> !existingColumns.contains(c)).collect(Collectors.toList());
            List<String> extra = existingColumns.stream().filter(c -> !stmt.columns().contains(c)).collect(Collectors.toList());
            String created = catalog.origins().created(name).toString();
            if (missing.isEmpty() && extra.isEmpty()) {
                out.add(finding(name, catalog.origins().location(e),
                        "CREATE TABLE IF NOT EXISTS " + name + " was skipped: the table already existed (created at " + created
                                + ") with the same columns.").withSeverity(Severity.WARN));
            } else {
                out.add(finding(name, catalog.origins().location(e),
                        "CREATE TABLE IF NOT EXISTS " + name + " was skipped: the table already existed (created at " + created
                                + ") with other columns." + (missing.isEmpty() ? "" : " Missing: " + String.join(", ", missing) + ".")
                                + (extra.isEmpty() ? "" : " Not in this statement: " + String.join(", ", extra) + "."),
                        missing.isEmpty() ? fix() : "Add the missing columns with ALTER TABLE " + name + " ADD COLUMN ..., and remove this CREATE."));
            }
        }
        return out;
    }
}
