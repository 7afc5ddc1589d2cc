package io.github.authschema.report;

import io.github.authschema.simulate.TableAccess;
import io.github.authschema.testkit.AccessMatrix;
import io.github.authschema.testkit.AccessMatrix.Actor;
import io.github.authschema.testkit.AccessMatrix.Command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The access probe's matrix as the Markdown and HTML reports show it: one row per table, one column per actor. */
final class AccessSection {
    static final String TITLE = "Who reaches whose rows";
    static final String NOTE = "Tried, not read from the policies: a row made for one signed-up user, then each command as its owner, "
            + "a second user, anon and the service role, the way PostgREST runs it, all rolled back.";

    private AccessSection() {
    }

    static String markdown(List<TableAccess> access) {
        StringBuilder md = new StringBuilder("### " + TITLE + "\n\n" + NOTE + "\n\n| table | owned through | owner | another user | anon |\n"
                + "|---|---|---|---|---|\n");
        for (TableAccess a : access) {
            AccessMatrix m = a.matrix();
            md.append("| `").append(m.table()).append("` | ");
            if (m.skippedBecause() != null) {
                md.append("not probed: ").append(m.skippedBecause().replace("|", "\\|")).append(" | | | | |\n");
                continue;
            }
            md.append(m.ownedThrough() == null ? "no one" : "`" + m.ownedThrough() + "`");
            for (Actor actor : Actor.values()) {
                md.append(" | ").append(leaks(m, actor) ? "**" + cell(m, actor) + "**" : cell(m, actor));
            }
            md.append(" |\n");
        }
        return md.append('\n').toString();
    }

    static String html(List<TableAccess> access) {
        StringBuilder h = new StringBuilder("<h2>" + TITLE + "</h2>\n<p>" + NOTE + "</p>\n<table><tr><th>table</th><th>owned through</th>"
                + "<th>owner</th><th>another user</th><th>anon</th><th>service role</th></tr>\n");
        for (TableAccess a : access) {
            AccessMatrix m = a.matrix();
            h.append("<tr><td><code>").append(HtmlReport.esc(m.table())).append("</code></td>");
            if (m.skippedBecause() != null) {
                h.append("<td colspan=\"5\">not probed: ").append(HtmlReport.esc(m.skippedBecause())).append("</td></tr>\n");
                continue;
            }
            h.append("<td>").append(m.ownedThrough() == null ? "no one" : "<code>" + HtmlReport.esc(m.ownedThrough()) + "</code>").append("</td>");
            for (Actor actor : Actor.values()) {
                h.append("<td").append(leaks(m, actor) ? " class=\"ERROR\"" : "").append('>').append(HtmlReport.esc(cell(m, actor))).append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    /** What the actor did, in the matrix's order; the owner's hand-over is noted in the owner's cell. */
    private static String cell(AccessMatrix m, Actor actor) {
        String done = Arrays.stream(Command.values()).filter(c -> m.allows(actor, c)).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (actor == Actor.OWNER && m.ownerCanHandOver()) {
            done += (done.isEmpty() ? "" : "; ") + "may hand a row to another user";
        }
        return done.isEmpty() ? "none" : done;
    }

    /** Another user reaching an owned row, anon writing, or an owner giving rows away: what the rules report. */
    private static boolean leaks(AccessMatrix m, Actor actor) {
        return switch (actor) {
            case OWNER -> m.ownerCanHandOver();
            case OTHER_USER -> m.ownedThrough() != null && !m.allowed().get(Actor.OTHER_USER).isEmpty();
            case ANON -> m.allowed().get(Actor.ANON).stream().anyMatch(c -> c != Command.SELECT);
            case SERVICE_ROLE -> false;
        };
    }

}
