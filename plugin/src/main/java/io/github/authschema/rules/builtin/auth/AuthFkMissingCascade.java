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
        id = "auth-fk-missing-cascade",
        severity = Severity.ERROR,
        summary = "A foreign key to auth.users has no ON DELETE action, so deleting the user fails.",
        rationale = "The dashboard, the admin API and account deletion all run DELETE FROM auth.users. With NO ACTION or RESTRICT the "
                + "delete fails with \"Database error deleting user\" as soon as the user owns a row.",
        fix = "Add ON DELETE CASCADE (the row belongs to the user) or ON DELETE SET NULL on a nullable column (the row outlives them).")
public final class AuthFkMissingCascade extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForeignKey fk : ctx.catalog().projectForeignKeys()) {
            if (fk.referencesAuthUsers() && !fk.letsDeleteProceed()) {
                out.add(finding(fk.objectName(), ctx.catalog().locate(fk),
                        fk.qualifiedTable() + "(" + String.join(", ", fk.columns()) + ") references auth.users with ON DELETE "
                                + fk.onDeleteText() + ": deleting a user who owns a row fails.",
                        "Recreate " + fk.name() + " with ON DELETE CASCADE, or ON DELETE SET NULL if the column is nullable."));
            }
        }
        return out;
    }
}
