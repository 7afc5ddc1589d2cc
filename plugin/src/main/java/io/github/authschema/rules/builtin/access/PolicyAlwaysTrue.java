package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Policy;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleDefinition(
        id = "policy-always-true",
        severity = Severity.WARN,
        summary = "A permissive INSERT, UPDATE, DELETE or ALL policy for API roles is always true (splinter 0024).",
        rationale = "using (true) or with check (true) on a write lets anyone with the anon key (or any signed-in user) change "
                + "every row; RLS is enabled but protects nothing. Unlike splinter, an INSERT policy with no WITH CHECK at all is "
                + "not reported: PostgreSQL rejects every insert under it (new row violates row-level security policy).",
        fix = "Restrict the policy to the owner, for example using ((select auth.uid()) = user_id).")
public final class PolicyAlwaysTrue extends Rule {
    private static final Set<String> TRUE = Set.of("true", "(true)", "(1 = 1)", "1 = 1");

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Policy p : ctx.catalog().enforcedProjectPolicies()) {
            boolean alwaysTrue = isTrue(p.using()) || isTrue(p.withCheck());
            if (p.permissive() && p.forApiRoles() && !p.command().equals("SELECT") && alwaysTrue) {
                out.add(finding(p.objectName(), ctx.catalog().locate(p),
                        "Policy \"" + p.name() + "\" on " + p.schema() + "." + p.table() + " allows " + p.command() + " on every row for "
                                + String.join(", ", p.roles()) + "."));
            }
        }
        return out;
    }

    private static boolean isTrue(String expression) {
        return expression != null && TRUE.contains(expression.trim().toLowerCase(Locale.ROOT));
    }
}
