package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.IdentityTables;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "shadow-users-table",
        severity = Severity.WARN,
        summary = "A table holds user identities (email, phone or password columns) but is not keyed by auth.users(id).",
        rationale = "This is how user ids drift: the app creates its own user rows (say, for WhatsApp contacts) with ids of its own, "
                + "the same person later signs up through Supabase Auth with another id, and the two never meet.",
        fix = "Make every person an auth.users row (phone OTP or admin create for WhatsApp contacts) and key this table by "
                + "id uuid primary key references auth.users(id) on delete cascade.")
public final class ShadowUsersTable extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            if (IdentityTables.isIdentityTable(t) && !IdentityTables.keyedByAuthUsers(ctx.catalog(), t)) {
                out.add(finding(t.qualifiedName(), ctx.catalog().locate(t),
                        t.qualifiedName() + " stores user identities with ids of its own instead of auth.users ids."));
            }
        }
        return out;
    }
}
