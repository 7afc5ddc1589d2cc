package io.github.authschema.rules.builtin.migration;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.Location;
import io.github.authschema.catalog.TraceEvent;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

@RuleDefinition(
        id = "locks-auth-users",
        severity = Severity.WARN,
        summary = "A migration adds a validated foreign key to auth.users on a table that already has rows: sign-ups wait while it runs.",
        rationale = "Adding a foreign key takes SHARE ROW EXCLUSIVE on the referenced table, auth.users, and keeps it while PostgreSQL "
                + "checks every existing row of the referencing table, and until the migration commits. Every sign-up and login "
                + "writes auth.users (ROW EXCLUSIVE), which that lock blocks: on a table with many rows, sign-ups queue for the whole "
                + "check. Observed while verify applies the migration: the lock the statement holds on auth.users, and the validated "
                + "constraint it has just added.",
        fix = "Add the key with NOT VALID (it then checks nothing and holds the lock only for a moment), and VALIDATE CONSTRAINT it "
                + "in a later migration: validating takes only a ROW SHARE lock on auth.users, which sign-ups pass.")
public final class LocksAuthUsers extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        Catalog catalog = ctx.catalog();
        List<Finding> out = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (TraceEvent e : catalog.origins().matching(ev -> ev.authUsersLock() != null)) {
            Location created = catalog.origins().created(e.objectIdentity());
            // a table the same migration created is empty: nothing to check, and nobody used it yet
            boolean existedBefore = created.known() && !Objects.equals(created.file(), e.migration());
            if (existedBefore && reported.add(e.migration() + " " + e.objectIdentity())) {
                out.add(finding(e.objectIdentity(), catalog.origins().location(e), "This ALTER TABLE adds a validated foreign key from "
                        + e.objectIdentity() + " (created earlier, at " + created + ") to auth.users, holding " + mode(e.authUsersLock())
                        + " on auth.users while it checks the existing rows and until the migration commits: sign-ups and logins wait "
                        + "for it."));
            }
        }
        return out;
    }

    private static String mode(String lock) {
        return lock.replaceAll("([a-z])([A-Z])", "$1 $2").replace(" Lock", "").toUpperCase(Locale.ROOT);
    }
}
