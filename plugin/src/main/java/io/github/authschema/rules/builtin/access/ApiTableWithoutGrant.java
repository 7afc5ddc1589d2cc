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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@RuleDefinition(
        id = "api-table-without-grant",
        severity = Severity.WARN,
        summary = "A policy lets anon or authenticated use an API table, but no GRANT lets them reach it.",
        rationale = "Policies only narrow what privileges allow. Since 2026 Supabase no longer grants new tables in public to the "
                + "API roles, so a table created with RLS and policies but no GRANT answers every Data API request with 42501 "
                + "(permission denied): the app breaks in production although every policy is right.",
        fix = "Grant the commands the policies are written for, for example grant select, insert on public.notes to authenticated; "
                + "or drop the policies if the table is for the service role only. A project that still relies on the automatic grants "
                + "says so with [api] auto_expose_new_tables = true in supabase/config.toml (or the autoExposeNewTables parameter).")
public final class ApiTableWithoutGrant extends Rule {

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            if (!t.rowLevelSecurity() || !ctx.catalog().exposed(t.schema())) {
                continue;
            }
            Set<String> missing = new LinkedHashSet<>();
            Location first = null;
            for (Policy p : ctx.catalog().policiesOn(t.schema(), t.name())) {
                Set<String> dead = unreachable(t, p);
                Location at = ctx.catalog().locate(p);
                if (!dead.isEmpty() && (first == null || earlier(at, first))) {
                    first = at;
                }
                missing.addAll(dead);
            }
            if (first == null) {
                continue;
            }
            Map<String, List<String>> byRole = new LinkedHashMap<>();
            for (String role : Table.API_ROLES) {
                List<String> commands = Table.COMMANDS.stream().filter(c -> missing.contains(role + " " + c)).toList();
                if (!commands.isEmpty()) {
                    byRole.put(role, commands);
                }
            }
            out.add(finding(t.qualifiedName(), first,
                    t.qualifiedName() + " has policies for " + byRole.entrySet().stream()
                            .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").collect(Collectors.joining(" and "))
                            + " but no GRANT that lets those roles in: the Data API answers 42501 (permission denied).",
                    byRole.entrySet().stream().map(e -> "grant " + String.join(", ", e.getValue()) + " on " + t.qualifiedName()
                            + " to " + e.getKey() + ";").collect(Collectors.joining("\n"))));
        }
        return out;
    }

    private static boolean earlier(Location a, Location b) {
        return a.known() && (!b.known() || a.file().compareTo(b.file()) < 0 || a.file().equals(b.file()) && a.line() < b.line());
    }

    /**
     * The "role command" pairs a policy is written for that no privilege lets through. A policy for
     * PUBLIC counts as unreachable only when neither API role may run the command: such policies are
     * usually meant for one of them.
     */
    private static Set<String> unreachable(Table t, Policy p) {
        List<String> commands = p.command().equals("ALL") ? Table.COMMANDS : List.of(p.command().toLowerCase(Locale.ROOT));
        boolean forPublic = p.roles().contains("public");
        List<String> roles = forPublic ? Table.API_ROLES : p.roles().stream().filter(Table.API_ROLES::contains).toList();
        Set<String> dead = new LinkedHashSet<>();
        for (String r : roles) {
            if (commands.stream().noneMatch(c -> t.granted(r, c))) {
                commands.forEach(c -> dead.add(r + " " + c));
            }
        }
        if (forPublic) {
            if (dead.size() < roles.size() * commands.size()) {
                return Set.of();
            }
            dead.removeIf(d -> !d.startsWith("authenticated "));
        }
        return dead;
    }
}
