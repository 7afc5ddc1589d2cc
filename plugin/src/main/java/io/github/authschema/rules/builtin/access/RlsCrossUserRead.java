package io.github.authschema.rules.builtin.access;

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
        id = "rls-cross-user-read",
        severity = Severity.ERROR,
        summary = "A signed-in user can read rows that belong to another user: tried, not guessed from the policy text.",
        rationale = "verify signs up two users, makes a row that belongs to the first (its owner column, or the parent it belongs "
                + "through) and reads it as the second, with the role and JWT claims PostgREST would use. If that works, anyone who "
                + "signs up reads every user's rows. Policy text does not show it: using (auth.role() = 'authenticated') or "
                + "using (true) reads like a check and lets every account through.",
        fix = "Compare the row's owner with the caller in the SELECT policy, for example using ((select auth.uid()) = user_id). "
                + "If every signed-in user is meant to read the table (public profiles), say so: "
                + "-- authschema:ignore rls-cross-user-read <reason>.")
public final class RlsCrossUserRead extends Rule {

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TableAccess a : ctx.access()) {
            if (a.matrix().ownedThrough() == null || !a.matrix().allows(Actor.OTHER_USER, Command.SELECT)) {
                continue;
            }
            String policy = a.firstPolicy(Actor.OTHER_USER, List.of(Command.SELECT));
            out.add(finding(ProbedAccess.object(a), ProbedAccess.at(ctx.catalog(), a, policy),
                    "A second signed-in user read a row of " + ProbedAccess.object(a) + " that belongs to another user (owned through "
                            + a.matrix().ownedThrough() + ")" + ProbedAccess.through(policy)));
        }
        return out;
    }
}
