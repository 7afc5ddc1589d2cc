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
        id = "auth-users-exposed",
        severity = Severity.ERROR,
        summary = "A view in an API schema exposes auth.users to anon or authenticated (splinter 0002).",
        rationale = "A view runs with its owner's rights unless it is security_invoker, and a materialized view has no RLS at all: "
                + "the API then serves every user's email, phone and metadata to anyone with the anon key.",
        fix = "Move the view out of public, make it security_invoker, or select only from your own profiles table.")
public final class AuthUsersExposed extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (View v : ctx.catalog().views()) {
            if (ctx.catalog().exposed(v.schema()) && v.readsAuthUsers() && v.selectableByApiRoles()
                    && (v.materialized() || !v.securityInvoker())) {
                out.add(finding(v.schema() + "." + v.name(), ctx.catalog().locateView(v),
                        (v.materialized() ? "Materialized view " : "View ") + v.schema() + "." + v.name()
                                + " reads auth.users and anon/authenticated may select from it."));
            }
        }
        return out;
    }
}
