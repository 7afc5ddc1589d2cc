package io.github.authschema.rules;

import io.github.authschema.catalog.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

public final class UnusedSuppression extends Rule {
    public UnusedSuppression() {
        super("unused-suppression", Severity.WARN,
                "An authschema:ignore comment suppresses nothing, names an unknown rule, or gives no reason.",
                "A suppression outlives the problem it hid; left in place it will silently hide the next, real finding of "
                        + "that rule on that statement. One without a reason tells reviewers nothing, so it does not count.",
                "Remove the comment, fix its rule id, or add the reason: -- authschema:ignore <rule-id> <why this is fine>.");
    }

    /** Built by the engine, which alone knows which suppressions were used. */
    @Override
    public List<Finding> check(RuleContext context) {
        return List.of();
    }

    List<Finding> report(Suppressions suppressions, Set<Suppression> used, Set<String> knownRules) {
        List<Finding> out = new ArrayList<>();
        for (Suppression s : suppressions.all()) {
            Location at = new Location(s.file(), s.line());
            if (!knownRules.contains(s.ruleId())) {
                out.add(finding(s.ruleId(), at, "authschema:ignore names unknown rule " + s.ruleId() + "."));
            } else if (s.reason().isBlank()) {
                out.add(finding(s.ruleId(), at, "authschema:ignore " + s.ruleId() + " gives no reason, so it suppresses nothing."));
            } else if (!used.contains(s)) {
                out.add(finding(s.ruleId(), at, "authschema:ignore " + s.ruleId() + " suppresses nothing here."));
            }
        }
        return out;
    }
}
