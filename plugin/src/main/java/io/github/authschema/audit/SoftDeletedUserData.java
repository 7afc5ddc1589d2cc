package io.github.authschema.audit;

import io.github.authschema.catalog.ForeignKey;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "soft-deleted-user-data",
        severity = Severity.WARN,
        summary = "Soft-deleted auth users still own rows in app tables.",
        rationale = "A soft delete keeps the auth.users row (hashed email and phone, deleted_at set), so no ON DELETE CASCADE fires: "
                + "the person's data stays, which a deletion request usually forbids.",
        fix = "Delete or anonymise those rows in a job keyed on auth.users.deleted_at, or hard-delete the users.")
final class SoftDeletedUserData extends AuditRule {
    @Override
    List<Finding> audit(RuleContext ctx) throws SQLException {
        List<Finding> out = new ArrayList<>();
        for (ForeignKey fk : ctx.catalog().projectForeignKeys()) {
            if (!fk.referencesAuthUsers() || fk.columns().size() != 1) {
                continue;
            }
            String where = "from " + q(fk.schema(), fk.table()) + " r join auth.users u on u.id = r." + q(fk.columns().get(0))
                    + " where u.deleted_at is not null";
            countAndSample(ctx, fk.qualifiedTable(), "select (select count(*) " + where + "), array(select distinct u.id::text "
                    + where + " limit " + SAMPLES + ")", "rows of " + fk.qualifiedTable() + " belong to soft-deleted users", out);
        }
        return out;
    }
}
