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
import java.util.Optional;

@RuleDefinition(
        id = "user-id-mismatch",
        severity = Severity.ERROR,
        summary = "Rows of an app user table match an auth user by email or phone but carry a different id.",
        rationale = "This is the drift between a home-made users table and auth.users: one person, two ids. Data written under "
                + "one id is invisible under the other, and deleting the auth user leaves the app user behind.",
        fix = "Re-key the rows to the auth user's id (update the table and everything that references it in one "
                + "transaction), then key the table by auth.users(id).")
final class UserIdMismatch extends AuditRule {
    @Override
    List<Finding> audit(RuleContext ctx) throws SQLException {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            Optional<Column> id = t.column("id").filter(c -> c.type().equals("uuid"));
            if (id.isEmpty() || !IdentityTables.isIdentityTable(t) || IdentityTables.keyedByAuthUsers(ctx.catalog(), t)) {
                continue;
            }
            List<String> matches = new ArrayList<>();
            t.column("email").ifPresent(c -> matches.add("lower(u.email) = lower(r.email::text)"));
            IdentityTables.phoneColumn(t).ifPresent(c -> matches.add("u.phone = regexp_replace(r." + q(c.name()) + "::text, '[^0-9]', '', 'g')"));
            if (matches.isEmpty()) {
                continue;
            }
            String where = "from " + q(t.schema(), t.name()) + " r join auth.users u on (" + String.join(" or ", matches)
                    + ") where u.id <> r.id";
            countAndSample(ctx, t.qualifiedName(), "select (select count(*) " + where + "), array(select r.id::text || ' ≠ ' || u.id::text "
                    + where + " limit " + SAMPLES + ")", "rows of " + t.qualifiedName() + " match an auth user by email or phone "
                    + "under another id (row id ≠ auth id)", out);
        }
        return out;
    }
}
