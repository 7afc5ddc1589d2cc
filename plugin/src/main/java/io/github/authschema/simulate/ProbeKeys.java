package io.github.authschema.simulate;

import io.github.authschema.testkit.internal.cache.Fingerprint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a table's probe answer depends on, hashed, so that a later run may reuse the answer when
 * nothing of it changed. A probe writes into the table, its parents and (by cascades) its children,
 * and its policies may read other relations; so tables are grouped by foreign keys and by the
 * relations their policies depend on, and a group's key covers each member's definition (columns,
 * defaults, constraints, indexes, grants, RLS, policies, triggers) and rows. Everything that may act
 * on any table is in every key: functions, triggers, types, roles and their settings, schema and
 * sequence grants, extensions, the auth users, and {@code inputs} (the seeds, the code). When in
 * doubt, a thing is in every key: a change then costs a probe, never a stale answer.
 */
final class ProbeKeys {
    private static final String USER_SCHEMA = "n.nspname not in ('pg_catalog', 'information_schema', 'authschema_platform', "
            + "'authschema_trace', 'auth') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'";
    private static final String TABLES = "select format('%I.%I', n.nspname, c.relname), md5(concat_ws('|', c.relkind, c.relrowsecurity, "
            + "c.relforcerowsecurity, c.relacl::text, "
            + "(select string_agg(concat_ws(',', a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attgenerated, "
            + "  a.attidentity, a.attacl::text, pg_get_expr(d.adbin, d.adrelid)), ';' order by a.attnum) "
            + "  from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum "
            + "  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), "
            + "(select string_agg(k.conname || ' ' || pg_get_constraintdef(k.oid), ';' order by k.conname) from pg_constraint k "
            + "  where k.conrelid = c.oid), "
            + "(select string_agg(pg_get_indexdef(x.indexrelid), ';' order by 1) from pg_index x where x.indrelid = c.oid), "
            + "(select string_agg(concat_ws(',', p.polname, p.polpermissive, p.polroles::regrole[]::text, p.polcmd, "
            + "  pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)), ';' order by p.polname) "
            + "  from pg_policy p where p.polrelid = c.oid), "
            // the rows a migration or seed committed (what a probe beside this adds and rolls back is not seen); a table
            // never written has no file to read, and the same text as one whose rows were all rolled back
            + "case when pg_relation_size(c.oid) = 0 then '0 0' else pg_temp.authschema_rows(c.oid) end, "
            // a serial column's sequence: inserting takes USAGE on it
            + "(select string_agg(s.relname || ' ' || coalesce(s.relacl::text, ''), ';' order by 1) from pg_depend d "
            + "  join pg_class s on s.oid = d.objid where d.refclassid = 'pg_class'::regclass and d.refobjid = c.oid and d.classid = 'pg_class'::regclass and s.relkind = 'S'))) "
            + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and " + USER_SCHEMA;
    /** Foreign keys (the probe writes parents, and deletes cascade into children) and the relations policies read. */
    private static final String EDGES = "select format('%I.%I', cn.nspname, c.relname), format('%I.%I', fn.nspname, f.relname) "
            + "from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace "
            + "join pg_class f on f.oid = k.confrelid join pg_namespace fn on fn.oid = f.relnamespace where k.contype = 'f' "
            + "union all "
            + "select format('%I.%I', cn.nspname, c.relname), format('%I.%I', rn.nspname, r.relname) "
            + "from pg_policy p join pg_depend d on d.classid = 'pg_policy'::regclass and d.objid = p.oid "
            + "join pg_class r on d.refclassid = 'pg_class'::regclass and r.oid = d.refobjid join pg_namespace rn on rn.oid = r.relnamespace "
            + "join pg_class c on c.oid = p.polrelid join pg_namespace cn on cn.oid = c.relnamespace where r.oid <> c.oid";
    /** A table's rows, summed; a session's own function, so that no server feature beyond PL/pgSQL is needed. */
    private static final String ROWS = "create or replace function pg_temp.authschema_rows(t regclass) returns text language plpgsql as $f$ "
            + "declare r text; begin execute format('select count(*) || '' '' || coalesce(sum(hashtext(x::text)::numeric), 0) from %s x', t) "
            + "into r; return r; end $f$";
    /** Sessions' temporary schemas (this one's, the probe's) come and go with their numbers: never part of a key. */
    private static final String NOT_TEMPORARY = "n.nspname not like 'pg\\_temp\\_%' and n.nspname not like 'pg\\_toast\\_temp\\_%'";
    private static final String EVERYWHERE = "select md5(concat_ws('|', "
            + "(select string_agg(concat_ws(',', p.oid::regprocedure, p.prosrc, p.probin, p.proconfig::text, p.prosecdef, p.provolatile, "
            + "  p.proowner::regrole, p.proacl::text, p.prorettype::regtype), ';' order by 1) from pg_proc p "
            + "  join pg_namespace n on n.oid = p.pronamespace where n.nspname not in ('pg_catalog', 'information_schema') and "
            + NOT_TEMPORARY + "), "
            + "(select string_agg(t.tgrelid::regclass || ' ' || pg_get_triggerdef(t.oid) || t.tgenabled::text, ';' order by 1) from pg_trigger t "
            // a foreign key's own triggers are its constraint, in its table's key
            + "  where not t.tgisinternal), "
            + "(select string_agg(concat_ws(',', t.oid::regtype, t.typtype, t.typbasetype::regtype, t.typnotnull, t.typacl::text, "
            + "  (select string_agg(e.enumlabel, ',' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid), "
            + "  (select string_agg(pg_get_constraintdef(k.oid), ',' order by k.conname) from pg_constraint k where k.contypid = t.oid)), "
            + "  ';' order by 1) from pg_type t join pg_namespace n on n.oid = t.typnamespace "
            + "  where t.typtype in ('e', 'd', 'c', 'r') and n.nspname not in ('pg_catalog', 'information_schema') and " + NOT_TEMPORARY + " "
            // a table's row type is that table, in its key
            + "  and (t.typtype <> 'c' or exists (select 1 from pg_class r where r.oid = t.typrelid and r.relkind = 'c'))), "
            + "(select string_agg(concat_ws(',', r.rolname, r.rolsuper, r.rolinherit, r.rolbypassrls, r.rolcanlogin, "
            + "  (select string_agg(m.roleid::regrole::text, ',' order by 1) from pg_auth_members m where m.member = r.oid)), ';' order by 1) "
            + "  from pg_roles r), "
            + "(select string_agg(concat_ws(',', s.setdatabase, s.setrole, s.setconfig::text), ';' order by 1, 2) from pg_db_role_setting s), "
            + "(select string_agg(n.nspname || ' ' || coalesce(n.nspacl::text, ''), ';' order by 1) from pg_namespace n where "
            + NOT_TEMPORARY + "), "
            + "(select string_agg(format('%s %s %s', c.oid::regclass, c.relkind, c.relacl), ';' order by 1) from pg_class c "
            + "  join pg_namespace n on n.oid = c.relnamespace where c.relkind not in ('r', 'p', 'i', 't', 'I') and " + NOT_TEMPORARY + " "
            + "  and n.nspname not in ('pg_catalog', 'information_schema') and not exists (select 1 from pg_depend d "
            + "  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i'))), "
            + "(select string_agg(extname || ' ' || extversion, ';' order by 1) from pg_extension), "
            + "(select count(*) || ' ' || coalesce(sum(hashtext(u::text)::numeric), 0) from auth.users u), "
            + "(select count(*) || ' ' || coalesce(sum(hashtext(i::text)::numeric), 0) from auth.identities i)))";

    private ProbeKeys() {
    }

    /** The key of each table in a user schema: the same for every table of a group ({@link #groups}). */
    static Map<String, String> of(Connection c, String inputs, UnionFind groups) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(ROWS);
        }
        String everywhere;
        try (PreparedStatement ps = c.prepareStatement(EVERYWHERE); ResultSet rs = ps.executeQuery()) {
            rs.next();
            everywhere = rs.getString(1);
        }
        Map<String, String> definitions = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                definitions.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, Fingerprint> byGroup = new HashMap<>();
        // TreeMap order: a group's members are added in one order, whatever the catalog's
        definitions.forEach((table, definition) -> byGroup.computeIfAbsent(groups.find(table),
                        g -> Fingerprint.of("probe").add("inputs", inputs).add("everywhere", everywhere))
                .add(table, definition));
        Map<String, String> hexByGroup = new HashMap<>();
        byGroup.forEach((group, f) -> hexByGroup.put(group, f.hex()));
        Map<String, String> keys = new HashMap<>();
        definitions.keySet().forEach(table -> keys.put(table, hexByGroup.get(groups.find(table))));
        return keys;
    }

    /**
     * Tables joined by foreign keys or by a policy that reads the other. auth.users is everyone's
     * parent, and the probe never writes it (its rows are in every key), so auth joins nothing.
     */
    static UnionFind groups(Connection c) throws SQLException {
        UnionFind groups = new UnionFind();
        try (PreparedStatement ps = c.prepareStatement(EDGES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!rs.getString(1).startsWith("auth.") && !rs.getString(2).startsWith("auth.")) {
                    groups.union(rs.getString(1), rs.getString(2));
                }
            }
        }
        return groups;
    }

    /** Sets of tables joined by edges. */
    static final class UnionFind {
        private final Map<String, String> parent = new HashMap<>();

        String find(String x) {
            String root = x;
            while (parent.containsKey(root)) {
                root = parent.get(root);
            }
            return root;
        }

        void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(ra, rb);
            }
        }
    }
}
