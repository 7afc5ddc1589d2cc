package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Table;
import io.github.authschema.catalog.View;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "pg-graphql-table-exposed",
        severity = Severity.WARN,
        summary = "With pg_graphql enabled, a table anon or authenticated may select appears in the GraphQL schema (splinter 0026, 0027).",
        rationale = "pg_graphql builds its schema from what the calling role may select, and answers introspection to anyone with "
                + "the anon key: table names, columns, types and relations are listed even where RLS returns no rows. Supabase stopped "
                + "enabling pg_graphql for new projects in 2026; many projects that enabled it never use it.",
        fix = "If the app does not use GraphQL, drop extension pg_graphql; otherwise revoke select from the role that should not see "
                + "the table.")
public final class PgGraphqlTableExposed extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (!ctx.catalog().hasExtension("pg_graphql")) {
            return out;
        }
        for (Table t : ctx.catalog().projectTables()) {
            List<String> roles = Table.API_ROLES.stream().filter(r -> t.granted(r, "select")).toList();
            // pg_graphql exposes a partitioned table's partitions, not its root
            if (ctx.catalog().exposed(t.schema()) && !roles.isEmpty() && !t.partitioned()) {
                out.add(finding(t.qualifiedName(), ctx.catalog().locate(t), message(t.qualifiedName(), String.join(" and ", roles))));
            }
        }
        for (View v : ctx.catalog().views()) {
            List<String> roles = new ArrayList<>();
            if (v.selectableByAnon()) {
                roles.add("anon");
            }
            if (v.selectableByAuthenticated()) {
                roles.add("authenticated");
            }
            if (ctx.catalog().exposed(v.schema()) && !roles.isEmpty()) {
                out.add(finding(v.qualifiedName(), ctx.catalog().locateView(v), message(v.qualifiedName(), String.join(" and ", roles))));
            }
        }
        return out;
    }

    private static String message(String relation, String roles) {
        return relation + " is in the GraphQL schema pg_graphql shows " + roles + ": its name and columns are listed to them "
                + "through introspection, whatever RLS lets them read.";
    }
}
