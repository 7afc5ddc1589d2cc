package io.github.authschema.rules.builtin.migration;

import io.github.authschema.catalog.Location;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;
import io.github.authschema.rules.Suppression;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "unused-suppression",
        severity = Severity.WARN,
        summary = "An authschema:ignore comment suppresses nothing, names an unknown rule, or gives no reason.",
        rationale = "A suppression outlives the problem it hid; left in place it will silently hide the next, real finding of "
                + "that rule on that statement. One without a reason tells reviewers nothing, so it does not count.",
        fix = "Remove the comment, fix its rule id, or add the reason: -- authschema:ignore <rule-id> <why this is fine>.",
        readsFindings = true)
public final class UnusedSuppression extends Rule {

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Suppression s : ctx.suppressions()) {
            Location at = new Location(s.file(), s.line());
            if (!ctx.ruleIds().contains(s.ruleId())) {
                out.add(finding(s.ruleId(), at, "authschema:ignore names unknown rule " + s.ruleId() + "."));
            } else if (!s.hasReason()) {
                out.add(finding(s.ruleId(), at, "authschema:ignore " + s.ruleId() + " gives no reason, so it suppresses nothing."));
            } else if (ctx.findings().stream().noneMatch(s::covers)) {
                out.add(finding(s.ruleId(), at, "authschema:ignore " + s.ruleId() + " suppresses nothing here."));
            }
        }
        return out;
    }
}
