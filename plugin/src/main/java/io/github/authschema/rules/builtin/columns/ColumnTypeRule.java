package io.github.authschema.rules.builtin.columns;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A rule about the type of project columns, reported where the table was created. */
abstract class ColumnTypeRule extends Rule {
    abstract boolean matches(Table table, Column column);

    abstract String message(Table table, Column column);

    @Override
    public final List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            for (Column c : t.columns()) {
                if (matches(t, c)) {
                    out.add(finding(t.qualifiedName() + "." + c.name(),
                            ctx.catalog().locate(t, Pattern.compile("(?i)\\b" + Pattern.quote(c.name()) + "\\b")), message(t, c)));
                }
            }
        }
        return out;
    }
}
