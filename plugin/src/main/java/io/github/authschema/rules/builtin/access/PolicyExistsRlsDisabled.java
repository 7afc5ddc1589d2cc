package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "policy-exists-rls-disabled",
        severity = Severity.ERROR,
        summary = "A table has RLS policies but row-level security is not enabled (splinter 0007).",
        rationale = "Policies do nothing until RLS is enabled: the table looks protected in review while the API serves every row.",
        fix = "alter table <table> enable row level security;")
public final class PolicyExistsRlsDisabled extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            int policies = ctx.catalog().policiesOn(t.schema(), t.name()).size();
            if (!t.rowLevelSecurity() && policies > 0) {
                out.add(finding(t.qualifiedName(), ctx.catalog().locate(t, Pattern.compile("(?i)disable\\s+row\\s+level\\s+security")),
                        t.qualifiedName() + " has " + policies + " polic" + (policies == 1 ? "y" : "ies") + " but RLS is disabled.",
                        "alter table " + t.qualifiedName() + " enable row level security;"));
            }
        }
        return out;
    }
}
