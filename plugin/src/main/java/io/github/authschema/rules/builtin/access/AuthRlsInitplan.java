package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Policy;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "auth-rls-initplan",
        severity = Severity.WARN,
        summary = "An RLS policy calls auth.uid() (or auth.jwt(), auth.role(), current_setting()) once per row (splinter 0003).",
        rationale = "Written bare, the call is evaluated for every row the query touches; wrapped in a scalar subquery PostgreSQL "
                + "evaluates it once per statement. On large tables the difference is orders of magnitude.",
        fix = "Wrap the call in a subquery: using ((select auth.uid()) = user_id).")
public final class AuthRlsInitplan extends Rule {
    private static final Pattern CALL = Pattern.compile("(auth\\.(?:uid|jwt|role|email)\\(\\)|current_setting\\()");

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Policy p : ctx.catalog().enforcedProjectPolicies()) {
            String bare = firstBareCall(p.using());
            if (bare == null) {
                bare = firstBareCall(p.withCheck());
            }
            if (bare != null) {
                out.add(finding(p.objectName(), ctx.catalog().locate(p),
                        "Policy \"" + p.name() + "\" on " + p.schema() + "." + p.table() + " calls " + bare
                                + " per row; wrap it as (select " + bare + (bare.endsWith("(") ? "...)" : "") + ")."));
            }
        }
        return out;
    }

    /** A call that is not the direct subject of a SELECT: PostgreSQL deparses a wrapped one as "( SELECT auth.uid() AS uid)". */
    static String firstBareCall(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher m = CALL.matcher(expression);
        while (m.find()) {
            String before = expression.substring(0, m.start()).toLowerCase(Locale.ROOT).replaceAll("[(\\s]+$", "");
            if (!before.endsWith("select")) {
                return m.group(1);
            }
        }
        return null;
    }
}
