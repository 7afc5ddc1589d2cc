package io.github.authschema.audit;

import io.github.authschema.catalog.Function;
import io.github.authschema.catalog.IdentityTables;
import io.github.authschema.catalog.Table;
import io.github.authschema.catalog.Trigger;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "missing-profile",
        severity = Severity.WARN,
        summary = "Auth users have no row in the table their sign-up trigger fills.",
        rationale = "The trigger was added after these users signed up, or it failed for them (phone-only and anonymous users, "
                + "a trigger that was not SECURITY DEFINER): the app then finds no profile for a signed-in user.",
        fix = "Backfill: insert into <table> (id, ...) select id, ... from auth.users where id not in (select id from <table>).")
final class MissingProfile extends AuditRule {
    private static final Pattern INSERT = Pattern.compile("(?i)insert\\s+into\\s+(?:\"?(\\w+)\"?\\s*\\.\\s*)?\"?(\\w+)\"?");

    @Override
    List<Finding> audit(RuleContext ctx) throws SQLException {
        List<Finding> out = new ArrayList<>();
        Set<Table> filled = new LinkedHashSet<>();
        for (Trigger t : ctx.catalog().triggers()) {
            if (!(t.schema() + "." + t.table()).equals("auth.users") || !t.events().contains("INSERT")) {
                continue;
            }
            Optional<Function> f = ctx.catalog().function(t.functionSchema(), t.functionName());
            Matcher m = INSERT.matcher(f.map(Function::body).orElse(""));
            while (m.find()) {
                String schema = m.group(1) == null ? "public" : m.group(1);
                ctx.catalog().table(schema, m.group(2))
                        .filter(table -> IdentityTables.keyedByAuthUsers(ctx.catalog(), table))
                        .ifPresent(filled::add);
            }
        }
        for (Table t : filled) {
            String key = q(t.primaryKey().get(0));
            String where = "from auth.users u where u.deleted_at is null and not exists (select 1 from " + q(t.schema(), t.name())
                    + " p where p." + key + " = u.id)";
            countAndSample(ctx, t.qualifiedName(), "select (select count(*) " + where + "), array(select u.id::text " + where
                    + " order by u.created_at limit " + SAMPLES + ")", "auth users have no row in " + t.qualifiedName(), out);
        }
        return out;
    }
}
