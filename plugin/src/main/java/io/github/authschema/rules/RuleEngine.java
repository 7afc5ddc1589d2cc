package io.github.authschema.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs the rules with the user's severity overrides. A rule that crashes is a broken tool, not a pass. */
public final class RuleEngine {
    private final List<Rule> rules;
    private final Map<String, Severity> overrides;

    public RuleEngine(List<Rule> rules, Map<String, Severity> overrides) {
        this.rules = rules;
        this.overrides = new LinkedHashMap<>(overrides);
        List<String> unknown = overrides.keySet().stream()
                .filter(id -> rules.stream().noneMatch(r -> r.id().equals(id))).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown rule id " + String.join(", ", unknown) + " in <rules>. Known rules: "
                    + rules.stream().map(Rule::id).collect(Collectors.joining(", ")) + ".");
        }
    }

    public List<Finding> run(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules) {
            Severity configured = overrides.get(rule.id());
            if (configured == Severity.OFF) {
                continue;
            }
            List<Finding> found;
            try {
                found = rule.check(context);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Rule " + rule.id() + " crashed: " + e, e);
            }
            for (Finding f : found) {
                out.add(configured == null ? f : f.withSeverity(configured));
            }
        }
        out.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(f -> f.location().file() == null ? "~" : f.location().file())
                .thenComparingInt(f -> f.location().line()));
        return out;
    }

    public List<Rule> rules() {
        return rules;
    }
}
