package io.github.authschema.simulate;

import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresServer;
import io.github.authschema.testkit.internal.platform.AccessProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Probes the tables the Data API can reach with RLS on: in an exposed schema, with policies and a
 * grant to anon or authenticated. It runs on its own connection to the verifier's throwaway database,
 * beside the flows and the catalog reader, and rolls back everything it does.
 */
public final class AccessProbes {
    private static final String TABLES = "select n.nspname, c.relname, format('%I.%I', n.nspname, c.relname) "
            + "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
            + "where c.relkind in ('r', 'p') and not c.relispartition and c.relrowsecurity and n.nspname = any(?) "
            + "and exists (select 1 from pg_policy p where p.polrelid = c.oid) "
            + "and exists (select 1 from unnest(array['anon', 'authenticated']) r "
            + "  where has_any_column_privilege(r, c.oid, 'SELECT, INSERT, UPDATE') or has_table_privilege(r, c.oid, 'DELETE')) "
            + "order by 1, 2";

    private AccessProbes() {
    }

    public static List<TableAccess> run(PostgresServer server, String database, int bcryptCost, Set<String> exposedSchemas)
            throws SQLException {
        try (Connection c = Jdbc.admin(server, database)) {
            List<String[]> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(TABLES)) {
                ps.setArray(1, c.createArrayOf("text", exposedSchemas.toArray(String[]::new)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            if (tables.isEmpty()) {
                return List.of();
            }
            List<AccessProbe.Probed> probed = new AccessProbe(c, bcryptCost).probe(tables.stream().map(t -> t[2]).toList());
            List<TableAccess> out = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                out.add(new TableAccess(tables.get(i)[0], tables.get(i)[1], probed.get(i).matrix(), probed.get(i).letThrough()));
            }
            return out;
        }
    }
}
