package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.ForeignKey;
import io.github.authschema.catalog.IdentityTables;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "nullable-owner-column",
        severity = Severity.INFO,
        summary = "A column that names a row's owner references auth.users but may be NULL.",
        rationale = "Rows with a NULL owner match no user's policy (auth.uid() = user_id is never true for NULL): they are invisible "
                + "to everyone but the service role, and nobody's data when the user is deleted.",
        fix = "Make the column NOT NULL (and ON DELETE CASCADE), or rename it if a missing owner is intended.")
public final class NullableOwnerColumn extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (ForeignKey fk : ctx.catalog().projectForeignKeys()) {
            if (!fk.referencesAuthUsers() || fk.columns().size() != 1 || !IdentityTables.isOwnerColumn(fk.columns().get(0))) {
                continue;
            }
            Table t = ctx.catalog().table(fk.schema(), fk.table()).orElseThrow();
            Column c = t.column(fk.columns().get(0)).orElseThrow();
            if (!c.notNull()) {
                out.add(finding(fk.qualifiedTable() + "." + c.name(), ctx.catalog().locate(fk),
                        fk.qualifiedTable() + "." + c.name() + " names the owner but may be NULL.",
                        "alter table " + fk.qualifiedTable() + " alter column " + c.name() + " set not null;"));
            }
        }
        return out;
    }
}
