package io.github.authschema.rules.engine;

import io.github.authschema.InvalidInputException;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.builtin.BuiltInRules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.ServiceLoader;

/** The rules verify runs: the built-in ones, then those that jars add through ServiceLoader. */
public final class RuleRegistry {
    private RuleRegistry() {
    }

    public static Set<String> ids() {
        return all().stream().map(Rule::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Built-in rules and rules from {@code META-INF/services/io.github.authschema.rules.Rule} on the class path. */
    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(BuiltInRules.all());
        for (Rule r : ServiceLoader.load(Rule.class, RuleRegistry.class.getClassLoader())) {
            if (all.stream().anyMatch(existing -> existing.id().equals(r.id()))) {
                throw new InvalidInputException("Rule id " + r.id() + " of " + r.getClass().getName() + " is already taken. "
                        + "Give the rule another id.");
            }
            all.add(r);
        }
        return all;
    }
}
