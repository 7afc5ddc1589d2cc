package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;
import io.github.authschema.simulate.SimulationResult;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "link-trigger-fails",
        severity = Severity.ERROR,
        summary = "A simulated account link fails: a user adding an email or a phone, or leaving anonymity, gets a database error.",
        rationale = "Linking runs several UPDATEs on auth.users, each its own statement: an anonymous user becomes permanent before "
                + "its email is written (but after its phone is), a phone login sets phone_confirmed_at again, metadata and "
                + "providers are rewritten whole. An UPDATE trigger that assumes the final row (a profile with a NOT NULL or unique "
                + "email, a sync into another table) fails on one of them, and the user is stuck with \"Error confirming user\".",
        fix = "Let the trigger function accept NULL email and phone at every step, write with ON CONFLICT, and fire it only on the "
                + "columns it needs (AFTER UPDATE OF email, phone … WHEN (old.email IS DISTINCT FROM new.email)).")
public final class LinkTriggerFails extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        Catalog catalog = ctx.catalog();
        List<Finding> out = new ArrayList<>();
        for (SimulationResult r : ctx.simulations()) {
            if (r.ok() || r.action() != SimulationResult.Action.LINK) {
                continue;
            }
            SimulatedFailures.Culprit culprit = SimulatedFailures.culprit(catalog, r);
            out.add(SimulatedFailures.waitingIfOff(finding(culprit.object(), culprit.location(), "When " + r.flow().label + ", "
                    + culprit.description() + " raises \"" + r.message() + "\" (SQLSTATE " + r.sqlState()
                    + "). The auth service answers \"" + r.authMessage() + "\"."), r));
        }
        return out;
    }
}
