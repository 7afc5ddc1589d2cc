package io.github.authschema.rules;

import io.github.authschema.catalog.ForeignKey;

import java.util.ArrayList;
import java.util.List;

public final class AuthFkMissingCascade extends Rule {
    public AuthFkMissingCascade() {
        super("auth-fk-missing-cascade", Severity.ERROR,
                "A foreign key to auth.users has no ON DELETE action, so deleting the user fails.",
                "The dashboard, the admin API and account deletion all run DELETE FROM auth.users. With NO ACTION or RESTRICT the "
                        + "delete fails with \"Database error deleting user\" as soon as the user owns a row.",
                "Add ON DELETE CASCADE (the row belongs to the user) or ON DELETE SET NULL on a nullable column (the row outlives them).");
    }

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
