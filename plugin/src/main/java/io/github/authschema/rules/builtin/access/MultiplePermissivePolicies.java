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
import java.util.List;
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

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            List<Policy> permissive = ctx.catalog().policiesOn(t.schema(), t.name()).stream().filter(Policy::permissive)
                    .collect(Collectors.toList());
            for (String role : ROLES) {
                for (String action : ACTIONS) {
                    List<Policy> hits = permissive.stream()
                            .filter(p -> p.command().equals("ALL") || p.command().equals(action))
                            .filter(p -> p.roles().contains("public") || p.roles().contains(role))
                            .sorted(Comparator.comparing(Policy::name))
                            .collect(Collectors.toList());
                    if (hits.size() > 1) {
                        // point at the policy added last: that is usually the one to merge
                        Location last = hits.stream().map(ctx.catalog()::locate)
                                .max(Comparator.comparing((Location l) -> l.file() == null ? "" : l.file()).thenComparingInt(Location::line))
                                .orElse(Location.UNKNOWN);
                        out.add(finding(t.qualifiedName() + "." + role + "." + action, last,
                                t.qualifiedName() + " has " + hits.size() + " permissive " + action + " policies for " + role + ": "
                                        + hits.stream().map(p -> "\"" + p.name() + "\"").collect(Collectors.joining(", ")) + "."));
                    }
                }
            }
        }
        return out;
    }
}
