package io.github.authschema.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The tables a delete from auth.users reaches through foreign keys, for the reports' diagrams. */
public final class DeleteGraph {
    private DeleteGraph() {
    }

    public static List<DeleteEdge> from(Catalog catalog) {
        List<DeleteEdge> edges = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of("auth.users"));
        Set<String> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            String[] parent = queue.poll().split("\\.", 2);
            for (ForeignKey fk : catalog.foreignKeysTo(parent[0], parent[1])) {
                boolean project = catalog.table(fk.schema(), fk.table()).map(catalog::isProjectTable).orElse(false);
                if (!project) {
                    continue;
                }
                boolean setNullOnNotNull = fk.onDelete() == 'n' && catalog.table(fk.schema(), fk.table())
                        .map(t -> fk.columns().stream().anyMatch(c -> t.column(c).map(Column::notNull).orElse(false))).orElse(false);
                edges.add(new DeleteEdge(fk.qualifiedTarget(), fk.qualifiedTable(), fk.name(), fk.onDeleteText(),
                        !fk.letsDeleteProceed() || setNullOnNotNull));
                if (fk.onDelete() == 'c' && seen.add(fk.qualifiedTable())) {
                    queue.add(fk.qualifiedTable());
                }
            }
        }
        return edges;
    }
}
