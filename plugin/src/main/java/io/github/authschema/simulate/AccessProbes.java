package io.github.authschema.simulate;

import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresServer;
import io.github.authschema.testkit.internal.platform.AccessProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.FutureTask;

/**
 * Probes the tables the Data API can reach with RLS on: in an exposed schema, with policies and a
 * grant to anon or authenticated. It runs on its own connections to the verifier's throwaway database,
 * beside the flows and the catalog reader, and rolls back everything it does.
 *
 * <p>With more than one core, the tables are probed on two connections at once, each with its own
 * two users. A probe writes rows into the table and the parents it reaches through foreign keys, so
 * tables joined by foreign keys (or by a policy that reads the other) stay on one connection: the two never insert into the same table,
 * and neither waits on the other's uncommitted unique values. A table that still meets the other
 * session in a deadlock (a project trigger writing a shared row) is probed again alone.
 */
public final class AccessProbes {
    private static final String TABLES = "select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname) "
            + "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            + "where c.relkind in ('r', 'p') and not c.relispartition and c.relrowsecurity and n.nspname = any(?) "
            + "and exists (select 1 from pg_policy p where p.polrelid = c.oid) "
            + "and exists (select 1 from unnest(array['anon', 'authenticated']) r "
            + "  where has_any_column_privilege(r, c.oid, 'SELECT, INSERT, UPDATE') or has_table_privilege(r, c.oid, 'DELETE')) "
            + "order by 1, 2";
    private static final int WORKERS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private AccessProbes() {
    }

    /** What an earlier run found, by key (see {@link ProbeKeys}), and what this run's keys also cover (seeds, code). */
    public record Reuse(String inputs, Map<String, TableAccess> known) {
    }

    /**
     * What the probe found. {@code reusable}: every answer under its key, for a later run; empty
     * without a {@link Reuse}. {@code reused}: how many answers came from an earlier run.
     * {@code probedAlone}: how many tables were probed again alone after a deadlock with the other connection.
     */
    public record Result(List<TableAccess> access, Map<String, TableAccess> reusable, int reused, int probedAlone) {
    }

    /** Probes every reachable table; with {@code reuse}, only those whose key has no known answer. */
    public static Result run(PostgresServer server, String database, int bcryptCost, Set<String> exposedSchemas, Reuse reuse)
            throws SQLException {
        return run(server, database, bcryptCost, exposedSchemas, WORKERS, reuse);
    }

    static Result run(PostgresServer server, String database, int bcryptCost, Set<String> exposedSchemas, int workers, Reuse reuse)
            throws SQLException {
        List<String[]> tables = new ArrayList<>();
        Map<String, String> keys = Map.of();
        FutureTask<Map<String, String>> keying = null;
        List<Integer> toProbe = new ArrayList<>();
        TableAccess[] answers;
        List<List<Integer>> shares;
        try (Connection c = Jdbc.admin(server, database)) {
            try (PreparedStatement ps = c.prepareStatement(TABLES)) {
                ps.setArray(1, c.createArrayOf("text", exposedSchemas.toArray(String[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            // read once: the shares and the keys group tables alike
            ProbeKeys.UnionFind joined = workers > 1 || reuse != null ? ProbeKeys.groups(c) : new ProbeKeys.UnionFind();
            if (reuse != null && !tables.isEmpty() && reuse.known().isEmpty()) {
                // nothing to reuse: the keys, for the next run, are read beside the probe, not before it
                keying = new FutureTask<>(() -> {
                    try (Connection k = Jdbc.admin(server, database)) {
                        return ProbeKeys.of(k, reuse.inputs(), joined);
                    }
                });
                new Thread(keying, "authschema-probe-keys").start();
            } else if (reuse != null && !tables.isEmpty()) {
                keys = ProbeKeys.of(c, reuse.inputs(), joined);
            }
            answers = new TableAccess[tables.size()];
            for (int i = 0; i < tables.size(); i++) {
                TableAccess known = reuse == null ? null : reuse.known().get(reuseKey(keys, tables.get(i)[2]));
                if (known != null) {
                    answers[i] = known;
                } else {
                    toProbe.add(i);
                }
            }
            shares = shares(joined, toProbe.stream().map(i -> tables.get(i)[2]).toList(), workers).stream()
                    .map(share -> share.stream().map(toProbe::get).toList()).toList();
        }
        int probedAlone = toProbe.isEmpty() ? 0 : probe(server, database, bcryptCost, tables, shares, answers);
        if (keying != null) {
            keys = Tasks.await(keying, "reading the probe's keys");
        }
        Map<String, TableAccess> reusable = new HashMap<>();
        for (int i = 0; i < tables.size() && reuse != null; i++) {
            reusable.put(reuseKey(keys, tables.get(i)[2]), answers[i]);
        }
        return new Result(List.of(answers), reusable, tables.size() - toProbe.size(), probedAlone);
    }

    /** A table's answer is stored under its group's key and its name: a group's tables share a key. */
    private static String reuseKey(Map<String, String> keys, String table) {
        return keys.get(table) + " " + table;
    }

    /**
     * Probes each share on a connection of its own, at once, then the tables that met another share in
     * a deadlock alone; returns how many those were.
     */
    private static int probe(PostgresServer server, String database, int bcryptCost, List<String[]> tables, List<List<Integer>> shares,
                              TableAccess[] answers) throws SQLException {
        AccessProbe.Probed[] probed = new AccessProbe.Probed[tables.size()];
        List<FutureTask<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < shares.size(); w++) {
            tasks.add(probeShare(server, database, bcryptCost, tables, shares.get(w), w == 0 ? "" : "+" + w, probed));
        }
        for (int w = 1; w < tasks.size(); w++) {
            new Thread(tasks.get(w), "authschema-probe-" + w).start();
        }
        tasks.get(0).run();
        for (FutureTask<Void> task : tasks) {
            Tasks.await(task, "probing access");
        }
        List<Integer> contended = new ArrayList<>();
        for (int i = 0; i < probed.length; i++) {
            if (probed[i] != null && probed[i].contended()) {
                contended.add(i);
            }
        }
        if (!contended.isEmpty()) {
            FutureTask<Void> alone = probeShare(server, database, bcryptCost, tables, contended, "", probed);
            alone.run();
            Tasks.await(alone, "probing access");
        }
        for (int i = 0; i < probed.length; i++) {
            if (probed[i] != null) {
                answers[i] = new TableAccess(tables.get(i)[0], tables.get(i)[1], probed[i].matrix(), probed[i].letThrough());
            }
        }
        return contended.size();
    }

    /** A task that probes the tables at {@code indexes} on a connection of its own and puts each answer in its slot. */
    private static FutureTask<Void> probeShare(PostgresServer server, String database, int bcryptCost, List<String[]> tables,
                                               List<Integer> indexes, String tag, AccessProbe.Probed[] probed) {
        return new FutureTask<>(() -> {
            try (Connection c = Jdbc.admin(server, database)) {
                List<AccessProbe.Probed> answers = new AccessProbe(c, bcryptCost, tag).probe(indexes.stream().map(i -> tables.get(i)[2]).toList());
                for (int k = 0; k < indexes.size(); k++) {
                    probed[indexes.get(k)] = answers.get(k);
                }
            }
            return null;
        });
    }

    /**
     * The table indexes split into at most {@code workers} shares of whole groups ({@link ProbeKeys#groups}:
     * joined by foreign keys or policies, through any table), largest groups first to the smallest share.
     */
    static List<List<Integer>> shares(ProbeKeys.UnionFind joined, List<String> tables, int workers) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            groups.computeIfAbsent(joined.find(tables.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> shares = new ArrayList<>();
        for (int w = 0; w < Math.max(1, Math.min(workers, groups.size())); w++) {
            shares.add(new ArrayList<>());
        }
        groups.values().stream().sorted(Comparator.comparingInt((List<Integer> g) -> -g.size()).thenComparing(g -> g.get(0)))
                .forEach(g -> shares.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(g));
        // each share in the order the tables were listed, so that a probe's answers do not depend on the split
        shares.forEach(s -> s.sort(Comparator.naturalOrder()));
        return shares;
    }
}
