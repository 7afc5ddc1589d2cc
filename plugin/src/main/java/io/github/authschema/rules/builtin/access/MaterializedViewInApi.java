package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.View;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "materialized-view-in-api",
        severity = Severity.WARN,
        summary = "A materialized view in an API schema is selectable by anon or authenticated (splinter 0016).",
        rationale = "Materialized views have no row-level security: every row they hold is served through the API to anyone the "
                + "grants allow, whatever the policies on the tables they were computed from.",
        fix = "Move the materialized view to a schema the API does not expose, or revoke select from anon and authenticated.")
public final class MaterializedViewInApi extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (View v : ctx.catalog().views()) {
            if (v.materialized() && ctx.catalog().exposed(v.schema()) && v.selectableByApiRoles() && !v.readsAuthUsers()) {
                out.add(finding(v.schema() + "." + v.name(), ctx.catalog().locateView(v),
                        "Materialized view " + v.schema() + "." + v.name() + " is served by the API without row-level security.",
                        "revoke select on " + v.schema() + "." + v.name() + " from anon, authenticated;"));
            }
        }
        return out;
    }
}
