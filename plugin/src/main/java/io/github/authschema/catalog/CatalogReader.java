package io.github.authschema.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the catalog in one query per kind of object, catalog-wide: the cost stays proportional to
 * the schema, not to the number of tables times a per-table round trip. Tables and columns come from
 * {@link SchemaCrawlerTables}; what JDBC metadata lacks comes from pg_catalog here.
 */
public final class CatalogReader {
    /** Schemas that are PostgreSQL's own or the verifier's; never read. */
    private static final String SYSTEM = "n.nspname not in ('pg_catalog', 'information_schema', 'authschema_platform', 'authschema_trace') "
            + "and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'";

    private CatalogReader() {
    }

    /** The catalog, with the default API schemas (public, graphql_public). */
    public static Catalog read(Connection c, Origins origins) throws SQLException {
        return read(c, origins, ExposedSchemas.NAMES);
    }

    public static Catalog read(Connection c, Origins origins, Set<String> exposedSchemas) throws SQLException {
        // with an empty search_path PostgreSQL deparses expressions fully qualified: auth.uid(), not uid()
        query(c, "select set_config('search_path', '', false)", rs -> { });
        Map<String, Table> tables = SchemaCrawlerTables.read(c, readFlags(c), readPrimaryKeys(c));
        return new Catalog(tables, foreignKeys(c), indexes(c), policies(c), triggers(c), functions(c), views(c),
                extensions(c), checks(c), origins, exposedSchemas);
    }

    /** Per table: row-level security on, and the privileges of the API roles (see {@link Table#apiPrivileges()}). */
    record TableFlags(boolean rls, Set<String> apiPrivileges, boolean partitioned) {
    }

    static Map<String, TableFlags> readFlags(Connection c) throws SQLException {
        Map<String, TableFlags> flags = new LinkedHashMap<>();
        query(c, "select n.nspname || '.' || t.relname, t.relrowsecurity, "
                + "array(select r.rolname || ' ' || p from pg_roles r, unnest(array[" + quoted(Table.COMMANDS) + "]) p "
                + "where r.rolname in (" + quoted(Table.API_ROLES) + ") and case when p = 'delete' "
                + "then has_table_privilege(r.oid, t.oid, p) else has_any_column_privilege(r.oid, t.oid, p) end)::text[], t.relkind = 'p' "
                + "from pg_class t join pg_namespace n on n.oid = t.relnamespace where t.relkind in ('r', 'p') and " + SYSTEM,
                rs -> flags.put(rs.getString(1), new TableFlags(rs.getBoolean(2), Set.copyOf(strings(rs.getArray(3))), rs.getBoolean(4))));
        return flags;
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
    }

    static Map<String, List<String>> readPrimaryKeys(Connection c) throws SQLException {
        Map<String, List<String>> pks = new LinkedHashMap<>();
        query(c, "select n.nspname || '.' || t.relname, " + columnNames("k.conkey", "k.conrelid") + " "
                + "from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace "
                + "where k.contype = 'p' and " + SYSTEM, rs -> pks.put(rs.getString(1), strings(rs.getArray(2))));
        return pks;
    }

    /** A constraint's column names in key order, as text[]: {@code attnums} of {@code relation}. */
    private static String columnNames(String attnums, String relation) {
        return "array(select a.attname from unnest(" + attnums + ") with ordinality u(attnum, ord) join pg_attribute a "
                + "on a.attrelid = " + relation + " and a.attnum = u.attnum order by u.ord)::text[]";
    }

    static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        List<ForeignKey> out = new ArrayList<>();
        query(c, "select k.conname, n.nspname, t.relname, "
                + columnNames("k.conkey", "k.conrelid") + ", "
                + "rn.nspname, r.relname, "
                + columnNames("k.confkey", "k.confrelid") + ", "
                + "k.confdeltype, coalesce((select x.indisprimary from pg_index x where x.indexrelid = k.conindid), false) "
                + "from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace "
                + "join pg_class r on r.oid = k.confrelid join pg_namespace rn on rn.oid = r.relnamespace "
                + "where k.contype = 'f' and " + SYSTEM + " order by n.nspname, t.relname, k.conname",
                rs -> out.add(new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                        rs.getString(5), rs.getString(6), strings(rs.getArray(7)), rs.getString(8).charAt(0), rs.getBoolean(9))));
        return out;
    }

    static List<Index> indexes(Connection c) throws SQLException {
        List<Index> out = new ArrayList<>();
        query(c, "select n.nspname, t.relname, i.relname, "
                + "array(select a.attname from unnest(x.indkey) with ordinality u(attnum, ord) left join pg_attribute a "
                + "  on a.attrelid = x.indrelid and a.attnum = u.attnum where u.ord <= x.indnkeyatts order by u.ord)::text[], "
                + "x.indisunique, x.indisprimary, x.indpred is not null, "
                + "exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid), "
                + "regexp_replace(pg_get_indexdef(x.indexrelid), '^CREATE (UNIQUE )?INDEX \\S+ ON ', 'CREATE \\1INDEX ON ') "
                + "from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid "
                + "join pg_namespace n on n.oid = t.relnamespace where x.indisvalid and " + SYSTEM
                        // creation order: which of two equal indexes a rule calls the duplicate must not depend on where a row sits in pg_index
                        + " order by n.nspname, t.relname, x.indexrelid",
                rs -> out.add(new Index(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getString(9))));
        return out;
    }

    static List<Policy> policies(Connection c) throws SQLException {
        List<Policy> out = new ArrayList<>();
        query(c, "select schemaname, tablename, policyname, permissive = 'PERMISSIVE', roles::text[], cmd, qual, with_check "
                + "from pg_policies where schemaname not in ('authschema_platform', 'authschema_trace')",
                rs -> out.add(new Policy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), strings(rs.getArray(5)),
                        rs.getString(6), rs.getString(7), rs.getString(8))));
        return out;
    }

    static List<Trigger> triggers(Connection c) throws SQLException {
        List<Trigger> out = new ArrayList<>();
        query(c, "select n.nspname, t.relname, g.tgname, pn.nspname, p.proname, "
                + "case when g.tgtype & 2 <> 0 then 'BEFORE' when g.tgtype & 64 <> 0 then 'INSTEAD OF' else 'AFTER' end, "
                + "concat_ws(' OR ', case when g.tgtype & 4 <> 0 then 'INSERT' end, case when g.tgtype & 8 <> 0 then 'DELETE' end, "
                + "case when g.tgtype & 16 <> 0 then 'UPDATE' end, case when g.tgtype & 32 <> 0 then 'TRUNCATE' end) "
                + "from pg_trigger g join pg_class t on t.oid = g.tgrelid join pg_namespace n on n.oid = t.relnamespace "
                + "join pg_proc p on p.oid = g.tgfoid join pg_namespace pn on pn.oid = p.pronamespace "
                + "where not g.tgisinternal and " + SYSTEM,
                rs -> out.add(new Trigger(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7))));
        return out;
    }

    static List<Function> functions(Connection c) throws SQLException {
        List<Function> out = new ArrayList<>();
        query(c, "select (pg_identify_object('pg_proc'::regclass, p.oid, 0)).identity, n.nspname, p.proname, "
                + "pg_get_function_identity_arguments(p.oid), l.lanname, p.prosecdef, coalesce(p.proconfig, '{}')::text[], p.prosrc, "
                + "has_function_privilege('anon', p.oid, 'execute'), has_function_privilege('authenticated', p.oid, 'execute'), "
                + "p.prorettype = 'trigger'::regtype "
                + "from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang "
                + "where p.prokind = 'f' and " + SYSTEM + " and n.nspname <> 'extensions' "
                + "and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')",
                rs -> out.add(new Function(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), strings(rs.getArray(7)), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11))));
        return out;
    }

    static List<View> views(Connection c) throws SQLException {
        List<View> out = new ArrayList<>();
        query(c, "select n.nspname, v.relname, v.relkind, "
                + "coalesce(exists (select 1 from unnest(v.reloptions) o where o in ('security_invoker=true', 'security_invoker=on', 'security_invoker=1')), false), "
                + "exists (select 1 from pg_depend d join pg_rewrite w on w.oid = d.objid where w.ev_class = v.oid "
                + "  and d.refobjid = 'auth.users'::regclass), "
                + "has_table_privilege('anon', v.oid, 'select'), has_table_privilege('authenticated', v.oid, 'select') "
                + "from pg_class v join pg_namespace n on n.oid = v.relnamespace where v.relkind in ('v', 'm', 'f') and " + SYSTEM
                + " and n.nspname not in ('auth', 'storage', 'extensions')",
                rs -> out.add(new View(rs.getString(1), rs.getString(2), switch (rs.getString(3)) {
                    case "m" -> View.Kind.MATERIALIZED;
                    case "f" -> View.Kind.FOREIGN_TABLE;
                    default -> View.Kind.VIEW;
                }, rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7))));
        return out;
    }

    static List<CheckConstraint> checks(Connection c) throws SQLException {
        List<CheckConstraint> out = new ArrayList<>();
        query(c, "select n.nspname, t.relname, k.conname, "
                + columnNames("k.conkey", "k.conrelid") + ", "
                + "pg_get_constraintdef(k.oid) from pg_constraint k join pg_class t on t.oid = k.conrelid "
                + "join pg_namespace n on n.oid = t.relnamespace where k.contype = 'c' and " + SYSTEM,
                rs -> out.add(new CheckConstraint(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)), rs.getString(5))));
        return out;
    }

    /** Installed extensions by name, with the schema each lives in. */
    static Map<String, String> extensions(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        query(c, "select e.extname, e.extnamespace::regnamespace::text from pg_extension e order by 1",
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }

    public static List<TraceEvent> traceEvents(Connection c) throws SQLException {
        List<TraceEvent> out = new ArrayList<>();
        query(c, "select seq, migration, statement, command_tag, object_type, schema_name, object_identity, dropped, auth_users_lock "
                + "from authschema_trace.events order by seq",
                rs -> out.add(new TraceEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9))));
        return out;
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    @FunctionalInterface
    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    static void query(Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }
}
