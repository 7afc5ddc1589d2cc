package io.github.authschema.rules.builtin.migration;

import io.github.authschema.catalog.Location;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "nullable-primary-key",
        severity = Severity.ERROR,
        summary = "A migration tries to make a primary-key column nullable.",
        rationale = "It usually comes from wanting to pre-create users (say, phone contacts) before they have an auth id. PostgreSQL "
                + "refuses it, the migration fails in the deploy, and the workarounds (fake ids, rewriting ids later) break "
                + "every foreign key that points at the row.",
        fix = "Keep the primary key NOT NULL. Link the row to its future user by a separate nullable auth_id (or phone) column, "
                + "or model the pre-registration as an invitation claimed on first sign-in.")
public final class NullablePrimaryKey extends Rule {
    private static final Pattern IN_PRIMARY_KEY = Pattern.compile("column \"([^\"]+)\" is in a primary key");
    private static final Pattern CONFLICTING = Pattern.compile("conflicting NULL/NOT NULL declarations for column \"([^\"]+)\"");

    /** Whether PostgreSQL's refusal is this mistake; {@link MigrationFails} leaves these to this rule. */
    static boolean matches(MigrationFailure failure) {
        return IN_PRIMARY_KEY.matcher(failure.message()).find() || CONFLICTING.matcher(failure.message()).find();
    }

    @Override
    public List<Finding> check(RuleContext ctx) {
        return ctx.migrationFailures().stream().filter(NullablePrimaryKey::matches).map(f -> {
            Matcher m = IN_PRIMARY_KEY.matcher(f.message());
            if (!m.find()) {
                m = CONFLICTING.matcher(f.message());
                m.find();
            }
            return finding(m.group(1), new Location(f.file().displayPath(), f.line()),
                    "This statement makes primary-key column \"" + m.group(1) + "\" nullable; PostgreSQL refuses it: " + f.message() + ".");
        }).toList();
    }
}
