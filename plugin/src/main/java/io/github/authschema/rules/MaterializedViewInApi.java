package io.github.authschema.rules;

import io.github.authschema.catalog.View;

import java.util.ArrayList;
import java.util.List;

public final class MaterializedViewInApi extends Rule {
    public MaterializedViewInApi() {
        super("materialized-view-in-api", Severity.WARN,
                "A materialized view in an API schema is selectable by anon or authenticated (splinter 0016).",
                "Materialized views have no row-level security: every row they hold is served through the API to anyone the "
                        + "grants allow, whatever the policies on the tables they were computed from.",
                "Move the materialized view to a schema the API does not expose, or revoke select from anon and authenticated.");
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (View v : ctx.catalog().views()) {
            if (v.materialized() && ExposedSchemas.exposed(v.schema()) && v.selectableByApiRoles() && !v.readsAuthUsers()) {
                out.add(finding(v.schema() + "." + v.name(), ctx.catalog().locateView(v),
                        "Materialized view " + v.schema() + "." + v.name() + " is served by the API without row-level security.",
                        "revoke select on " + v.schema() + "." + v.name() + " from anon, authenticated;"));
            }
        }
        return out;
    }
}
