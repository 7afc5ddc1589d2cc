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
        id = "phone-not-normalized",
        severity = Severity.WARN,
        summary = "Phone numbers are stored in another form than the auth service's, or repeat once normalised.",
        rationale = "auth.users.phone holds digits without '+'. A '+1 (555) …' or 'whatsapp:+1555…' value never equals it, so "
                + "lookups by phone miss the person, and two spellings of one number become two people.",
        fix = "update <table> set phone = regexp_replace(phone, '[^0-9]', '', 'g'); merge the duplicates; add "
                + "check (phone ~ '^[1-9][0-9]{1,14}$') and a unique constraint.")
final class PhoneNotNormalized extends AuditRule {
    @Override
    List<Finding> audit(RuleContext ctx) throws SQLException {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            for (Column c : t.columns()) {
                if (!IdentityTables.isPhoneColumn(c.name()) || !(c.type().equals("text") || c.type().equals("varchar") || c.type().equals("bpchar"))) {
                    continue;
                }
                String table = q(t.schema(), t.name());
                String col = q(c.name());
                String odd = "from " + table + " where " + col + " is not null and " + col + "::text !~ '^[1-9][0-9]{1,14}$'";
                countAndSample(ctx, t.qualifiedName() + "." + c.name(), "select (select count(*) " + odd + "), array(select "
                        + col + "::text " + odd + " limit " + SAMPLES + ")", "values of " + t.qualifiedName() + "." + c.name()
                        + " are not in the auth service's form (digits, no '+')", out);
                String dup = "from (select regexp_replace(" + col + "::text, '[^0-9]', '', 'g') as digits from " + table + " where "
                        + col + " is not null) n group by digits having count(*) > 1";
                countAndSample(ctx, t.qualifiedName() + "." + c.name(), "select (select count(*) from (select digits " + dup + ") d), "
                        + "array(select digits " + dup + " limit " + SAMPLES + ")", "numbers in " + t.qualifiedName() + "." + c.name()
                        + " appear more than once once normalised", out);
            }
        }
        return out;
    }
}
