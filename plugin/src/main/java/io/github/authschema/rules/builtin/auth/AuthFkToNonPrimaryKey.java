package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.ForeignKey;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "auth-fk-to-non-primary-key",
        severity = Severity.ERROR,
        summary = "A foreign key references a unique column of an auth table other than its primary key (splinter 0021).",
        rationale = "Supabase may change the unique constraints of auth tables in an upgrade; a foreign key that depends on one, such as "
                + "auth.users(phone), blocks the upgrade. Phone numbers and emails also change, ids do not.",
        fix = "Reference auth.users(id) and join to the phone or email when you need it.")
public final class AuthFkToNonPrimaryKey extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForeignKey fk : ctx.catalog().projectForeignKeys()) {
            if (fk.targetSchema().equals("auth") && !fk.targetIsPrimaryKey()) {
                out.add(finding(fk.objectName(), ctx.catalog().locate(fk),
                        fk.qualifiedTable() + "(" + String.join(", ", fk.columns()) + ") references " + fk.qualifiedTarget() + "("
                                + String.join(", ", fk.targetColumns()) + "), a unique key that is not the primary key."));
            }
        }
        return out;
    }
}
