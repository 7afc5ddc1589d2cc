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
        id = "security-definer-view",
        severity = Severity.ERROR,
        summary = "A view in an API schema runs with its owner's rights, bypassing the caller's RLS (splinter 0010).",
        rationale = "Views created by postgres read tables as postgres, which bypasses RLS: every row of the underlying tables is "
                + "served to whoever may select from the view.",
        fix = "create view ... with (security_invoker = on) as ...; or alter view <view> set (security_invoker = on);")
public final class SecurityDefinerView extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (View v : ctx.catalog().views()) {
            if (v.plainView() && ctx.catalog().exposed(v.schema()) && v.selectableByApiRoles() && !v.securityInvoker()) {
                out.add(finding(v.schema() + "." + v.name(), ctx.catalog().locateView(v),
                        "View " + v.schema() + "." + v.name() + " is not security_invoker and anon/authenticated may select from it.",
                        "alter view " + v.schema() + "." + v.name() + " set (security_invoker = on);"));
            }
        }
        return out;
    }
}
