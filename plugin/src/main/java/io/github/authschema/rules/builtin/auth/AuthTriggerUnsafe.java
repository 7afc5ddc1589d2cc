package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Function;
import io.github.authschema.catalog.Trigger;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;
import io.github.authschema.simulate.SimulationResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "auth-trigger-unsafe",
        severity = Severity.WARN,
        summary = "A trigger function on an auth table is not SECURITY DEFINER, has no pinned search_path, or names tables its "
                + "pinned search_path cannot find.",
        rationale = "Triggers on auth.users run as supabase_auth_admin with search_path auth. Without SECURITY DEFINER they lack "
                + "privileges on your tables; without a pinned search_path, or with search_path '' and unqualified names, "
                + "they look in the wrong schema. Either way sign-ups fail with \"Database error saving new user\".",
        fix = "create function ... security definer set search_path = '' and qualify every name (public.profiles).")
public final class AuthTriggerUnsafe extends Rule {
    /** A table after INSERT INTO, FROM, UPDATE or JOIN with no schema in front of it (SELECT ... INTO names a variable). */
    private static final Pattern UNQUALIFIED = Pattern.compile("(?i)\\b(?:insert\\s+into|from|update|join)\\s+(\"?[a-z_][a-z0-9_$]*\"?)(?!\\s*\\.)\\b");
    private static final Set<String> NOT_TABLES = Set.of("only", "lateral", "unnest", "select", "new", "old", "set", "jsonb_each",
            "jsonb_array_elements", "generate_series", "json_each", "regexp_split_to_table");

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Trigger t : ctx.catalog().triggers()) {
            if (!t.schema().equals("auth")) {
                continue;
            }
            Optional<Function> maybe = ctx.catalog().function(t.functionSchema(), t.functionName());
            if (maybe.isEmpty() || !seen.add(maybe.get().signature())) {
                continue;
            }
            Function f = maybe.get();
            List<String> problems = new ArrayList<>();
            if (!f.securityDefiner()) {
                problems.add("is not SECURITY DEFINER");
            }
            Optional<String> path = f.searchPath();
            if (path.isEmpty()) {
                problems.add("has no pinned search_path");
            } else {
                List<String> unresolved = unqualifiedTables(f.body(), path.get());
                if (!unresolved.isEmpty()) {
                    problems.add("names " + String.join(", ", unresolved) + " without a schema, which search_path "
                            + (path.get().isBlank() || path.get().equals("\"\"") ? "''" : path.get()) + " does not find");
                }
            }
            if (problems.isEmpty()) {
                continue;
            }
            String proof = ctx.simulations().stream()
                    .filter(r -> !r.ok() && r.action() == SimulationResult.Action.SIGN_UP && r.where() != null
                            && r.where().contains(f.name() + "("))
                    .findFirst().map(r -> " The sign-up simulation confirms it: the " + r.flow().label + " fails with \"" + r.message()
                            + "\" (see signup-trigger-fails).").orElse("");
            out.add(finding(t.objectName(), ctx.catalog().locate(f),
                    "Trigger " + t.name() + " on " + t.schema() + "." + t.table() + " runs " + f.signature() + ", which "
                            + String.join(" and ", problems) + "." + proof));
        }
        return out;
    }

    /** Unqualified table names in a body whose search_path has no schema that could hold them. */
    static List<String> unqualifiedTables(String body, String searchPath) {
        String path = searchPath.replace("\"", "").trim().toLowerCase(Locale.ROOT);
        boolean empty = path.isEmpty() || path.equals("pg_catalog") || path.equals("pg_temp");
        if (!empty || body == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = UNQUALIFIED.matcher(stripStringsAndComments(body));
        while (m.find()) {
            String name = m.group(1).replace("\"", "");
            if (!NOT_TABLES.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    private static String stripStringsAndComments(String body) {
        return body.replaceAll("'(?:[^']|'')*'", "''").replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
    }
}
