package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Policy;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "rls-references-user-metadata",
        severity = Severity.ERROR,
        summary = "An RLS policy trusts user_metadata from the JWT (splinter 0015).",
        rationale = "Users can change their own user_metadata with supabase.auth.updateUser(); a policy that reads it (a role, a "
                + "tenant id) lets any user grant themselves access.",
        fix = "Keep authorization data in app_metadata (only the service role can write it) or in a table of yours.")
public final class RlsReferencesUserMetadata extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Policy p : ctx.catalog().projectPolicies()) {
            String text = (p.using() == null ? "" : p.using()) + " " + (p.withCheck() == null ? "" : p.withCheck());
            if (text.contains("user_metadata")) {
                out.add(finding(p.objectName(), ctx.catalog().locate(p),
                        "Policy \"" + p.name() + "\" on " + p.schema() + "." + p.table() + " reads user_metadata, which users can edit."));
            }
        }
        return out;
    }
}
