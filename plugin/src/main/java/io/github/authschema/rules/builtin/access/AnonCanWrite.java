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
        id = "anon-can-write",
        severity = Severity.WARN,
        summary = "Anyone without an account (the anon key ships in every client) can insert, update or delete rows.",
        rationale = "verify tries each write as anon, with PostgREST's role and claims, against a row it made. The anon key is public, "
                + "so whatever anon may write, any script on the internet may write, without signing up. Sometimes that is the point "
                + "(a contact form, a waiting list); more often it is a policy written for PUBLIC or a forgotten to authenticated.",
        fix = "Write the policy for authenticated (to authenticated) with an owner check; if anonymous writes are intended, "
                + "say so: -- authschema:ignore anon-can-write <reason>.")
public final class AnonCanWrite extends Rule {

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TableAccess a : ctx.access()) {
            List<Command> writes = List.of(Command.INSERT, Command.UPDATE, Command.DELETE).stream()
                    .filter(c -> a.matrix().allows(Actor.ANON, c)).toList();
            if (writes.isEmpty()) {
                continue;
            }
            String policy = a.firstPolicy(Actor.ANON, writes);
            out.add(finding(ProbedAccess.object(a), ProbedAccess.at(ctx.catalog(), a, policy),
                    "anon, with no account, could " + ProbedAccess.joined(writes.stream().map(c -> c.name().toLowerCase()).toList())
                            + " rows of " + ProbedAccess.object(a) + ProbedAccess.through(policy)));
        }
        return out;
    }
}
