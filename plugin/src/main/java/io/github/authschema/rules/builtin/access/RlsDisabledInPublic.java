package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "rls-disabled-in-public",
        severity = Severity.ERROR,
        summary = "A table in an API schema has row-level security disabled (splinter 0013).",
        rationale = "A public table granted to anon or authenticated is reachable through the Data API, and then RLS is the only "
                + "barrier: without it anyone with the anon key can read and change every row. Until 2026 Supabase granted every new "
                + "public table automatically, so older projects have those grants on all their tables.",
        fix = "alter table <table> enable row level security; then add policies.")
public final class RlsDisabledInPublic extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            if (ctx.catalog().exposed(t.schema()) && !t.rowLevelSecurity() && t.apiSelectable()) {
                out.add(finding(t.qualifiedName(), ctx.catalog().locate(t),
                        t.qualifiedName() + " is in an API schema and anon/authenticated may use it, but RLS is disabled.",
                        "alter table " + t.qualifiedName() + " enable row level security;"));
            }
        }
        return out;
    }
}
