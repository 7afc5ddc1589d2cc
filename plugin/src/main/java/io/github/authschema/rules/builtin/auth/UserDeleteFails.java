package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.ForeignKey;
import io.github.authschema.catalog.Location;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;
import io.github.authschema.simulate.SimulationResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "user-delete-fails",
        severity = Severity.ERROR,
        summary = "A simulated hard delete of a freshly signed-up user fails.",
        rationale = "Deleting a user (from the dashboard, the admin API or an account-deletion feature) runs DELETE FROM auth.users; "
                + "if even a just-created user cannot be deleted, no user can.",
        fix = "Give every foreign key on the failing path an ON DELETE action, and make triggers on delete tolerate missing rows.")
public final class UserDeleteFails extends Rule {
    private static final Pattern CONSTRAINT = Pattern.compile("foreign key constraint \"([^\"]+)\" on table \"([^\"]+)\"");

    @Override
    public List<Finding> check(RuleContext ctx) {
        Catalog catalog = ctx.catalog();
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SimulationResult r : ctx.simulations()) {
            if (r.ok() || r.action() != SimulationResult.Action.DELETE || !seen.add(r.message())) {
                continue;
            }
            Location at = Location.UNKNOWN;
            String object = "auth.users";
            Matcher m = CONSTRAINT.matcher(r.message());
            if (m.find()) {
                Optional<ForeignKey> fk = catalog.foreignKeys().stream()
                        .filter(k -> k.name().equals(m.group(1)) && k.table().equals(m.group(2))).findFirst();
                if (fk.isPresent()) {
                    at = catalog.locate(fk.get());
                    object = fk.get().objectName();
                }
            } else {
                var fn = SimulatedFailures.raisingFunction(catalog, r.where());
                if (fn.isPresent()) {
                    at = SimulatedFailures.locate(catalog, fn.get());
                    object = fn.get().signature();
                }
            }
            out.add(finding(object, at, "Deleting the user from the " + r.flow().label + " fails: \"" + r.message() + "\" (SQLSTATE "
                    + r.sqlState() + "). The auth service answers \"" + r.authMessage() + "\"."));
        }
        return out;
    }
}
