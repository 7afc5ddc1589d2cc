package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Policy;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;
import io.github.authschema.simulate.TableAccess;
import io.github.authschema.testkit.AccessMatrix.Actor;
import io.github.authschema.testkit.AccessMatrix.Command;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "rls-cross-user-write",
        severity = Severity.ERROR,
        summary = "A signed-in user can change, delete or forge rows of another user, or hand their own rows to someone else.",
        rationale = "verify makes a row that belongs to one signed-up user, then, as a second one with PostgREST's role and claims, "
                + "tries to update it, delete it and insert a row in the first user's name; and as the owner, tries to set its owner "
                + "column to the second user. Any of these that succeeds lets one account rewrite another's data, or plant rows in "
                + "another account, which a USING clause without a matching WITH CHECK allows.",
        fix = "Give UPDATE and DELETE policies an owner check in USING, and INSERT and UPDATE policies the same check in WITH CHECK, "
                + "for example using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id).")
public final class RlsCrossUserWrite extends Rule {

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TableAccess a : ctx.access()) {
            if (a.matrix().ownedThrough() == null) {
                continue;
            }
            List<String> done = new ArrayList<>();
            if (a.matrix().allows(Actor.OTHER_USER, Command.UPDATE)) {
                done.add("update another user's row");
            }
            if (a.matrix().allows(Actor.OTHER_USER, Command.DELETE)) {
                done.add("delete another user's row");
            }
            if (a.matrix().allows(Actor.OTHER_USER, Command.INSERT)) {
                done.add("insert a row in another user's name");
            }
            if (!done.isEmpty()) {
                String policy = a.firstPolicy(Actor.OTHER_USER, List.of(Command.UPDATE, Command.DELETE, Command.INSERT));
                out.add(finding(ProbedAccess.object(a), ProbedAccess.at(ctx.catalog(), a, policy),
                        "A signed-in user could " + ProbedAccess.joined(done) + " in " + ProbedAccess.object(a) + " (owned through "
                                + a.matrix().ownedThrough() + ")" + ProbedAccess.through(policy)));
            }
            if (a.matrix().ownerCanHandOver()) {
                String policy = ctx.catalog().policiesOn(a.schema(), a.table()).stream()
                        .filter(p -> p.command().equals("UPDATE") || p.command().equals("ALL")).map(Policy::name).findFirst().orElse(null);
                out.add(finding(ProbedAccess.object(a), ProbedAccess.at(ctx.catalog(), a, policy),
                        "The owner of a row of " + ProbedAccess.object(a) + " could set its owner column (" + a.matrix().ownedThrough()
                                + ") to another user: no WITH CHECK holds the changed row to the caller"
                                + (policy == null ? "." : "; give policy \"" + policy + "\" one that compares " + a.matrix().ownedThrough()
                                + " with (select auth.uid()).")));
            }
        }
        return out;
    }
}
