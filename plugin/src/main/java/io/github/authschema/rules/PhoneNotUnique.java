package io.github.authschema.rules;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Index;
import io.github.authschema.catalog.Table;

import java.util.ArrayList;
import java.util.List;

public final class PhoneNotUnique extends Rule {
    public PhoneNotUnique() {
        super("phone-not-unique", Severity.WARN,
                "A phone column in a user-identity table has no unique constraint.",
                "WhatsApp traffic is matched to people by phone. A get-or-create by phone without a unique key races: two "
                        + "webhooks for the same new number create two people.",
                "Add a unique constraint on the phone column (in the auth service's form: digits, no '+').");
    }

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
