package io.github.authschema.simulate;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.ExposedSchemas;
import io.github.authschema.catalog.Table;
import io.github.authschema.testkit.internal.platform.AccessProbe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes the tables the Data API can reach with RLS on: in an exposed schema, with policies and a
 * grant to anon or authenticated. The probe runs on the verifier's throwaway database as a superuser
 * and rolls back everything it does.
 */
public final class AccessProbes {
    private AccessProbes() {
    }

    public static List<TableAccess> run(Connection superuser, Catalog catalog, int bcryptCost) throws SQLException {
        List<Table> tables = catalog.projectTables().stream()
                .filter(t -> t.rowLevelSecurity() && ExposedSchemas.exposed(t.schema()) && !t.apiPrivileges().isEmpty()
                        && !catalog.policiesOn(t.schema(), t.name()).isEmpty())
                .toList();
        if (tables.isEmpty()) {
            return List.of();
        }
        List<AccessProbe.Probed> probed = new AccessProbe(superuser, bcryptCost).probe(tables.stream().map(AccessProbes::regclass).toList());
        List<TableAccess> out = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            out.add(new TableAccess(t.schema(), t.name(), probed.get(i).matrix(), probed.get(i).letThrough()));
        }
        return out;
    }

    private static String regclass(Table t) {
        return "\"" + t.schema().replace("\"", "\"\"") + "\".\"" + t.name().replace("\"", "\"\"") + "\"";
    }
}
