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
        id = "foreign-table-in-api",
        severity = Severity.WARN,
        summary = "A foreign table in an API schema is selectable by anon or authenticated (splinter 0017).",
        rationale = "Foreign tables have no row-level security: every row the remote server returns is served through the API to "
                + "anyone the grants allow, whatever the remote side's own rules were meant to keep private.",
        fix = "Move the foreign table to a schema the API does not expose (and reach it through a function that checks the "
                + "caller), or revoke select from anon and authenticated.")
public final class ForeignTableInApi extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (View v : ctx.catalog().views()) {
            if (v.kind() == View.Kind.FOREIGN_TABLE && ctx.catalog().exposed(v.schema()) && v.selectableByApiRoles()) {
                out.add(finding(v.qualifiedName(), ctx.catalog().locateView(v),
                        "Foreign table " + v.qualifiedName() + " is served by the API without row-level security.",
                        "revoke select on " + v.qualifiedName() + " from anon, authenticated;"));
            }
        }
        return out;
    }
}
