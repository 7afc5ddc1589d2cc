package io.github.authschema.audit;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.IdentityTables;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "orphaned-user-rows",
        severity = Severity.ERROR,
        summary = "Rows name a user id that is not in auth.users.",
        rationale = "A user-keyed column without a foreign key to auth.users keeps rows after their user is deleted, or takes ids "
                + "from somewhere else; policies on auth.uid() hide them and nobody owns them.",
        fix = "Delete or reassign the rows, then add the foreign key: references auth.users (id) on delete cascade.")
final class OrphanedUserRows extends AuditRule {
    @Override
    List<Finding> audit(RuleContext ctx) throws SQLException {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            for (Column c : t.columns()) {
                boolean keyed = ctx.catalog().foreignKeys().stream().anyMatch(fk -> fk.schema().equals(t.schema())
                        && fk.table().equals(t.name()) && fk.referencesAuthUsers() && fk.columns().equals(List.of(c.name())));
                if (!IdentityTables.isOwnerColumn(c.name()) || !c.type().equals("uuid") || keyed) {
                    continue;
                }
                String where = "from " + q(t.schema(), t.name()) + " r where r." + q(c.name()) + " is not null "
                        + "and not exists (select 1 from auth.users u where u.id = r." + q(c.name()) + ")";
                countAndSample(ctx, t.qualifiedName() + "." + c.name(), "select (select count(*) " + where + "), "
                        + "array(select distinct r." + q(c.name()) + "::text " + where + " limit " + SAMPLES + ")",
                        "rows of " + t.qualifiedName() + " have a " + c.name() + " that is not in auth.users", out);
            }
        }
        return out;
    }
}
