package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.IdentityTables;
import io.github.authschema.catalog.Index;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "phone-not-unique",
        severity = Severity.WARN,
        summary = "A phone column in a user-identity table has no unique constraint.",
        rationale = "WhatsApp traffic is matched to people by phone. A get-or-create by phone without a unique key races: two "
                + "webhooks for the same new number create two people.",
        fix = "Add a unique constraint on the phone column (in the auth service's form: digits, no '+').")
public final class PhoneNotUnique extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            if (!IdentityTables.isIdentityTable(t) || IdentityTables.keyedByAuthUsers(ctx.catalog(), t)) {
                continue;
            }
            for (Column phone : IdentityTables.phoneColumn(t).stream().toList()) {
                boolean unique = ctx.catalog().indexesOn(t.schema(), t.name()).stream().anyMatch(i -> isUnique(i, phone.name()));
                if (!unique) {
                    out.add(finding(t.qualifiedName() + "." + phone.name(), ctx.catalog().locate(t),
                            t.qualifiedName() + "." + phone.name() + " identifies people but is not unique.",
                            "alter table " + t.qualifiedName() + " add unique (" + phone.name() + ");"));
                }
            }
        }
        return out;
    }

    private static boolean isUnique(Index i, String column) {
        return (i.unique() || i.primary()) && !i.partial() && i.columns().equals(List.of(column));
    }
}
