package io.github.authschema.rules;

import io.github.authschema.catalog.Table;

import java.util.ArrayList;
import java.util.List;

public final class ShadowUsersTable extends Rule {
    public ShadowUsersTable() {
        super("shadow-users-table", Severity.WARN,
                "A table holds user identities (email, phone or password columns) but is not keyed by auth.users(id).",
                "This is how user ids drift: the app creates its own user rows (say, for WhatsApp contacts) with ids of its own, "
                        + "the same person later signs up through Supabase Auth with another id, and the two never meet.",
                "Make every person an auth.users row (phone OTP or admin create for WhatsApp contacts) and key this table by "
                        + "id uuid primary key references auth.users(id) on delete cascade.");
    }

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
