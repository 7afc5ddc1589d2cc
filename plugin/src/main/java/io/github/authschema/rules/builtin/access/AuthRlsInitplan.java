package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Location;
import io.github.authschema.catalog.Policy;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** One finding per table, naming each policy and its call: per policy, this rule was a third of all findings on real projects. */
    @Override
    public List<Finding> check(RuleContext ctx) {
        Map<String, List<String>> callsByTable = new LinkedHashMap<>();
        Map<String, Location> firstPolicy = new LinkedHashMap<>();
        for (Policy p : ctx.catalog().enforcedProjectPolicies()) {
            String bare = firstBareCall(p.using());
            if (bare == null) {
                bare = firstBareCall(p.withCheck());
            }
            if (bare != null) {
                String table = p.schema() + "." + p.table();
                callsByTable.computeIfAbsent(table, t -> new ArrayList<>()).add("\"" + p.name() + "\" (" + bare + (bare.endsWith("(") ? "…)" : "") + ")");
                firstPolicy.putIfAbsent(table, ctx.catalog().locate(p));
            }
        }
        List<Finding> out = new ArrayList<>();
        callsByTable.forEach((table, calls) -> out.add(finding(table, firstPolicy.get(table),
                (calls.size() == 1 ? "Policy " : calls.size() + " policies ") + "on " + table + " call" + (calls.size() == 1 ? "s" : "")
                        + " a function per row: " + String.join(", ", calls) + "; wrap each call as (select …).")));
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
