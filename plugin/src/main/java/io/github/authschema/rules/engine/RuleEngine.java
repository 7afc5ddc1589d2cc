package io.github.authschema.rules.engine;

import io.github.authschema.InvalidInputException;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.SupabaseKitException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the rules, then applies the migrations' inline suppressions and the user's settings. Rules
 * that judge other findings run after the rest. A rule that crashes is a broken tool, not a pass.
 */
public final class RuleEngine {
    private final List<Rule> rules;
    private final Map<String, RuleSettings> settings;

    /**
     * @param idsOfOtherGoals rule ids another goal knows: one {@code <rules>} block serves every goal,
     *                        so settings for them are accepted here and not applied
     */
    public RuleEngine(List<Rule> rules, Map<String, RuleSettings> settings, Set<String> idsOfOtherGoals) {
        this.rules = List.copyOf(rules);
        this.settings = new LinkedHashMap<>(settings);
        Set<String> known = ids();
        List<String> unknown = settings.keySet().stream().filter(id -> !known.contains(id) && !idsOfOtherGoals.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("Unknown rule id " + String.join(", ", unknown) + " in <rules>. Known rules: "
                    + String.join(", ", known) + (idsOfOtherGoals.isEmpty() ? "" : ", " + String.join(", ", idsOfOtherGoals)) + ".");
        }
    }

    public List<Finding> run(RuleContext context) {
        RuleContext ctx = context.withRuleIds(ids());
        List<Finding> raw = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.metadata().readsFindings()) {
                raw.addAll(check(rule, ctx));
            }
        }
        RuleContext withFindings = ctx.withFindings(raw);
        List<Finding> judged = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.metadata().readsFindings()) {
                judged.addAll(check(rule, withFindings));
            }
        }
        raw.addAll(judged);

        List<Finding> out = new ArrayList<>();
        for (Finding f : raw) {
            if (ctx.suppressions().stream().noneMatch(s -> s.covers(f))) {
                RuleSettings s = settings.get(f.rule());
                Finding adjusted = s == null || s.severity() == null ? f : f.withSeverity(s.severity());
                if (adjusted.severity() != Severity.OFF && (s == null || !s.excludes(f.object()))) {
                    out.add(adjusted);
                }
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

    private Set<String> ids() {
        return rules.stream().map(Rule::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<Finding> check(Rule rule, RuleContext ctx) {
        try {
            return rule.check(ctx);
        } catch (SupabaseKitException userError) {
            // a project rule that is wrong (a SQL rule that does not parse): the user's to fix
            throw userError;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Rule " + rule.id() + " crashed: " + e, e);
        }
    }
}
