package io.github.authschema.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the rules with the user's settings and the migrations' inline suppressions. A rule that
 * crashes is a broken tool, not a pass.
 */
public final class RuleEngine {
    private final List<Rule> rules;
    private final Map<String, RuleSettings> settings;

    public RuleEngine(List<Rule> rules, Map<String, RuleSettings> settings) {
        this.rules = rules;
        this.settings = new LinkedHashMap<>(settings);
        List<String> unknown = settings.keySet().stream()
                .filter(id -> rules.stream().noneMatch(r -> r.id().equals(id))).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown rule id " + String.join(", ", unknown) + " in <rules>. Known rules: "
                    + rules.stream().map(Rule::id).collect(Collectors.joining(", ")) + ".");
        }
    }

    public List<Finding> run(RuleContext context, Suppressions suppressions) {
        List<Finding> out = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        for (Rule rule : rules) {
            List<Finding> found;
            try {
                found = rule.check(context);
            } catch (IllegalArgumentException userError) {
                // a project rule that is wrong (a SQL rule that does not parse): the user's to fix
                throw userError;
            } catch (RuntimeException e) {
                throw new IllegalStateException("Rule " + rule.id() + " crashed: " + e, e);
            }
            for (Finding f : found) {
                Optional<Suppression> suppression = suppressions.covering(f);
                if (suppression.isPresent()) {
                    used.add(suppression.get());
                } else {
                    out.add(f);
                }
            }
        }
        Set<String> known = rules.stream().map(Rule::id).collect(Collectors.toSet());
        rules.stream().filter(r -> r instanceof UnusedSuppression).map(r -> (UnusedSuppression) r).findFirst()
                .ifPresent(r -> out.addAll(r.report(suppressions, used, known)));
        out.replaceAll(f -> {
            RuleSettings s = settings.get(f.rule());
            return s == null || s.severity() == null ? f : f.withSeverity(s.severity());
        });
        out.removeIf(f -> {
            RuleSettings s = settings.get(f.rule());
            return s != null && (s.severity() == Severity.OFF || s.excludes(f.object()));
        });
        out.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(f -> f.location().file() == null ? "~" : f.location().file())
                .thenComparingInt(f -> f.location().line()));
        return out;
    }

    public List<Rule> rules() {
        return rules;
    }
}
