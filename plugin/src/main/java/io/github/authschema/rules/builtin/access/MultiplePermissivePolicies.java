package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Location;
import io.github.authschema.catalog.Policy;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@RuleDefinition(
        id = "multiple-permissive-policies",
        severity = Severity.WARN,
        summary = "A table has several permissive policies for the same role and action (splinter 0006).",
        rationale = "PostgreSQL ORs permissive policies together and evaluates every one of them for every row, so each extra "
                + "policy costs on every query; the combined rule is also harder to review than one expression.",
        fix = "Merge the policies into one with OR, or make the extra ones RESTRICTIVE if they are meant to narrow access.")
public final class MultiplePermissivePolicies extends Rule {
    private static final List<String> ROLES = List.of("anon", "authenticated", "authenticator", "dashboard_user");
    private static final List<String> ACTIONS = List.of("SELECT", "INSERT", "UPDATE", "DELETE");

    /**
     * One finding per table: on real projects one per role and action made this rule a third of all
     * findings. The roles that share an action and the same policies are listed together.
     */
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            List<Policy> permissive = ctx.catalog().policiesOn(t.schema(), t.name()).stream().filter(Policy::permissive)
                    .collect(Collectors.toList());
            // "SELECT by "a", "b"" -> roles, in the order actions and roles are listed
            Map<String, List<String>> rolesByOverlap = new LinkedHashMap<>();
            Set<Policy> involved = new LinkedHashSet<>();
            for (String action : ACTIONS) {
                for (String role : ROLES) {
                    List<Policy> hits = permissive.stream()
                            .filter(p -> p.command().equals("ALL") || p.command().equals(action))
                            .filter(p -> p.roles().contains("public") || p.roles().contains(role))
                            .sorted(Comparator.comparing(Policy::name))
                            .collect(Collectors.toList());
                    if (hits.size() > 1) {
                        involved.addAll(hits);
                        rolesByOverlap.computeIfAbsent(action + " (" + hits.stream().map(p -> "\"" + p.name() + "\"")
                                .collect(Collectors.joining(", ")) + ")", k -> new ArrayList<>()).add(role);
                    }
                }
            }
            if (rolesByOverlap.isEmpty()) {
                continue;
            }
            // point at the policy added last: that is usually the one to merge
            Location last = involved.stream().map(ctx.catalog()::locate)
                    .max(Comparator.comparing((Location l) -> l.file() == null ? "" : l.file()).thenComparingInt(Location::line))
                    .orElse(Location.UNKNOWN);
            out.add(finding(t.qualifiedName(), last, t.qualifiedName() + " has several permissive policies for the same role and action: "
                    + rolesByOverlap.entrySet().stream().map(e -> e.getKey().replaceFirst(" \\(", " for " + String.join(", ", e.getValue()) + " ("))
                    .collect(Collectors.joining("; ")) + "."));
        }
        return out;
    }
}
