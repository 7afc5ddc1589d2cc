package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "rls-enabled-no-policy",
        severity = Severity.INFO,
        summary = "A table has row-level security enabled but no policy (splinter 0008).",
        rationale = "With RLS on and no policy, anon and authenticated see nothing and can write nothing. That is safe, but often "
                + "a policy was forgotten; when the table is only for the service role, say so with a comment or INFO.",
        fix = "Add the policies the app needs, or leave it if only the service role uses the table.")
public final class RlsEnabledNoPolicy extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            if (t.rowLevelSecurity() && ctx.catalog().policiesOn(t.schema(), t.name()).isEmpty()) {
                out.add(finding(t.qualifiedName(), ctx.catalog().locate(t, Pattern.compile("(?i)enable\\s+row\\s+level\\s+security")),
                        t.qualifiedName() + " has RLS enabled and no policy: only the service role can use it."));
            }
        }
        return out;
    }
}
