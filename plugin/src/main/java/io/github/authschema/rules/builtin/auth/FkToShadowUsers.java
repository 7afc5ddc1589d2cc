package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.ForeignKey;
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
        id = "fk-to-shadow-users",
        severity = Severity.ERROR,
        summary = "A foreign key points at a home-made user table instead of auth.users.",
        rationale = "Supabase's users live in auth.users. A second users table has its own ids, which drift away from auth.users.id: "
                + "rows end up owned by ids no one can sign in as, and deleting an auth user leaves them behind.",
        fix = "Reference auth.users(id) on delete cascade, or key the user table itself by auth.users(id) and reference that.")
public final class FkToShadowUsers extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        Catalog catalog = ctx.catalog();
        List<Finding> out = new ArrayList<>();
        for (ForeignKey fk : catalog.projectForeignKeys()) {
            if (fk.targetSchema().equals("auth") || !ctx.shadowUserTableNames().contains(fk.targetTable())) {
                continue;
            }
            Table target = catalog.table(fk.targetSchema(), fk.targetTable()).orElse(null);
            if (target != null && IdentityTables.keyedByAuthUsers(catalog, target)) {
                continue;
            }
            out.add(finding(fk.objectName(), catalog.locate(fk),
                    fk.qualifiedTable() + " references " + fk.qualifiedTarget() + " (" + fk.name() + "), a home-made user table whose ids "
                            + "are not auth.users ids.",
                    "Point " + fk.qualifiedTable() + "(" + String.join(", ", fk.columns()) + ") at auth.users(id) on delete cascade, "
                            + "or make " + fk.qualifiedTarget() + ".id itself a foreign key to auth.users(id)."));
        }
        return out;
    }
}
