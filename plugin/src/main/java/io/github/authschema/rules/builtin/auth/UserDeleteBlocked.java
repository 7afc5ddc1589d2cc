package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.ForeignKey;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleDefinition(
        id = "user-delete-blocked",
        severity = Severity.ERROR,
        summary = "Deleting an auth user cascades into a table that another table references without a delete action.",
        rationale = "The cascade from auth.users removes rows several tables away; one foreign key without ON DELETE on that path "
                + "aborts the whole delete. Each key looks fine on its own, so reviews miss it.",
        fix = "Give the blocking foreign key ON DELETE CASCADE or SET NULL, or stop the cascade earlier.")
public final class UserDeleteBlocked extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        Catalog catalog = ctx.catalog();
        List<Finding> out = new ArrayList<>();
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.add(List.of("auth.users"));
        Set<String> visited = new HashSet<>(Set.of("auth.users"));
        Set<String> reported = new HashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.poll();
            String[] last = path.get(path.size() - 1).split("\\.", 2);
            for (ForeignKey fk : catalog.foreignKeysTo(last[0], last[1])) {
                if (fk.onDelete() != 'c' || !visited.add(fk.qualifiedTable())) {
                    continue;
                }
                List<String> next = new ArrayList<>(path);
                next.add(fk.qualifiedTable());
                paths.add(next);
                for (ForeignKey blocker : catalog.foreignKeysTo(fk.schema(), fk.table())) {
                    boolean project = catalog.table(blocker.schema(), blocker.table()).map(catalog::isProjectTable).orElse(false);
                    if (project && !blocker.letsDeleteProceed() && reported.add(blocker.objectName())) {
                        String shown = String.join(" → ", next) + " → " + blocker.qualifiedTable() + " (" + blocker.name() + ")";
                        out.add(finding(blocker.objectName(), catalog.locate(blocker),
                                "Deleting a user is blocked: " + shown + " has ON DELETE " + blocker.onDeleteText() + ".",
                                "Add ON DELETE CASCADE (or SET NULL on a nullable column) to " + blocker.name() + " on "
                                        + blocker.qualifiedTable() + "."));
                    }
                }
            }
        }
        return out;
    }
}
