package io.github.authschema.rules.builtin.migration;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.Location;
import io.github.authschema.catalog.TraceEvent;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "auth-schema-modified",
        severity = Severity.ERROR,
        summary = "A migration changes the structure of the auth schema.",
        rationale = "The auth schema belongs to the auth service, which migrates it on every upgrade. Supabase refuses most such "
                + "changes (the postgres role does not own auth tables) and the ones that get through break upgrades.",
        fix = "Keep your columns in your own table keyed by auth.users(id) (a profiles table), and your functions in public or a "
                + "schema of yours.")
public final class AuthSchemaModified extends Rule {
    /** What Supabase lets projects do in auth: hang triggers and policies on its tables, and comment. */
    private static final Set<String> ALLOWED = Set.of("CREATE TRIGGER", "CREATE POLICY", "ALTER POLICY", "DROP POLICY", "COMMENT",
            "GRANT", "REVOKE", "DROP TRIGGER");
    private static final Pattern TOUCHES_AUTH = Pattern.compile("(?i)\\bauth\\s*\\.\\s*\"?\\w+");

    static boolean matches(MigrationFailure failure) {
        return "42501".equals(failure.sqlState()) && failure.message().contains("must be owner of")
                && failure.statement() != null && TOUCHES_AUTH.matcher(failure.statement()).find();
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        ctx.migrationFailures().stream().filter(AuthSchemaModified::matches).forEach(f -> out.add(finding("auth",
                new Location(f.file().displayPath(), f.line()),
                "This statement alters the auth schema, which the postgres role may not do on Supabase: " + f.message() + ".")));
        Catalog catalog = ctx.catalog();
        List<TraceEvent> events = catalog.origins().events();
        for (TraceEvent e : events) {
            if (!"auth".equals(e.schema()) || e.skipped()) {
                continue;
            }
            boolean droppedPlatformTrigger = e.dropped() && "trigger".equals(e.objectType())
                    && events.stream().noneMatch(c -> !c.dropped() && c.seq() < e.seq() && e.objectIdentity().equals(c.objectIdentity()));
            if (droppedPlatformTrigger || !ALLOWED.contains(e.commandTag())) {
                out.add(finding(e.objectIdentity(), catalog.origins().location(e),
                        e.commandTag() + " on " + e.objectType() + " " + e.objectIdentity() + " changes the auth schema."));
            }
        }
        return out;
    }
}
