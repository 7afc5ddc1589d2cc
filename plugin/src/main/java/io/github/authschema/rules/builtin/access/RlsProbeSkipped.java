package io.github.authschema.rules.builtin.access;

import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;
import io.github.authschema.simulate.TableAccess;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "rls-probe-skipped",
        severity = Severity.INFO,
        summary = "The access probe could not make a row for this table, so its policies were read but not tried.",
        rationale = "rls-cross-user-read, rls-cross-user-write and anon-can-write try real rows. A table whose row the probe cannot make "
                + "(a check it found no value for, a trigger that raised, a parent it could not make) is not silently passed over: "
                + "this says which and why, so you know its access is unchecked.",
        fix = "Usually nothing to change in the schema. To have the table probed, test it with the test-kit's db.rls(table) after "
                + "inserting a row yourself, or relax what stopped the probe if it is a mistake.")
public final class RlsProbeSkipped extends Rule {

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TableAccess a : ctx.access()) {
            if (a.matrix().skippedBecause() != null) {
                out.add(finding(ProbedAccess.object(a), ProbedAccess.at(ctx.catalog(), a, null),
                        ProbedAccess.object(a) + " was not probed: " + a.matrix().skippedBecause() + "."));
            }
        }
        return out;
    }
}
