package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.CheckConstraint;
import io.github.authschema.catalog.Function;
import io.github.authschema.catalog.IdentityTables;
import io.github.authschema.catalog.Policy;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "phone-format-mismatch",
        severity = Severity.WARN,
        summary = "Phone numbers are required or compared in '+' form, but the auth service stores them as digits without '+'.",
        rationale = "auth.users.phone, the JWT's phone claim and identity_data.phone hold '15551234567', not '+15551234567'. A "
                + "CHECK that demands '+' rejects the auth service's value, and a comparison with '+1...' never matches, "
                + "so WhatsApp contacts and app users with the same number become two people.",
        fix = "Normalise to digits without '+' in one SQL function (regexp_replace(phone, '[^0-9]', '', 'g')) and store and "
                + "compare that form.")
public final class PhoneFormatMismatch extends Rule {
    /** A CHECK that demands a leading '+', as in phone ~ '^\+[1-9]...'. */
    private static final Pattern REQUIRES_PLUS = Pattern.compile("'\\^?\\\\\\+");
    /** A phone compared with a literal that starts with '+': never equal to the auth service's digits. */
    private static final Pattern PLUS_LITERAL = Pattern.compile("(?i)phone[\\w.\"]*\\s*(=|<>|!=)\\s*'\\+\\d");

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (CheckConstraint c : ctx.catalog().checks()) {
            boolean project = ctx.catalog().table(c.schema(), c.table()).map(ctx.catalog()::isProjectTable).orElse(false);
            if (project && c.columns().stream().anyMatch(IdentityTables::isPhoneColumn) && REQUIRES_PLUS.matcher(c.definition()).find()) {
                Table t = ctx.catalog().table(c.schema(), c.table()).orElseThrow();
                out.add(finding(c.schema() + "." + c.table() + "." + c.name(), ctx.catalog().locate(t, Pattern.compile("(?i)\\\\\\+")),
                        "Check " + c.name() + " on " + c.schema() + "." + c.table() + " requires a leading '+': " + c.definition() + "."));
            }
        }
        for (Function f : ctx.catalog().projectFunctions()) {
            if (f.body() != null && PLUS_LITERAL.matcher(f.body()).find()) {
                out.add(finding(f.signature(), ctx.catalog().locate(f),
                        "Function " + f.signature() + " compares a phone with a '+' literal."));
            }
        }
        for (Policy p : ctx.catalog().projectPolicies()) {
            String text = (p.using() == null ? "" : p.using()) + " " + (p.withCheck() == null ? "" : p.withCheck());
            if (PLUS_LITERAL.matcher(text).find()) {
                out.add(finding(p.objectName(), ctx.catalog().locate(p),
                        "Policy \"" + p.name() + "\" compares a phone with a '+' literal."));
            }
        }
        return out;
    }
}
