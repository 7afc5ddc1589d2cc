package io.github.authschema.audit;

import io.github.authschema.rules.Finding;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.engine.EmbeddedServer;
import io.github.authschema.testkit.internal.engine.ExternalServer;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.platform.AuthFlows;
import io.github.authschema.testkit.internal.platform.Platform;
import io.github.authschema.verify.Credentials;
import io.github.authschema.verify.VerifyLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second PostgreSQL plays production: the platform, an app schema, and clean or damaged data. */
class AuditorTest {
    private static final String SCHEMA = """
            create table public.profiles (id uuid primary key references auth.users (id) on delete cascade, email text, phone text);
            create function public.handle_new_user() returns trigger language plpgsql security definer set search_path = '' as $$
            begin
              insert into public.profiles (id, email, phone) values (new.id, new.email, new.phone);
              return new;
            end $$;
            create trigger on_auth_user_created after insert on auth.users for each row execute function public.handle_new_user();
            create table public.app_users (id uuid primary key default gen_random_uuid(), email text, phone text);
            create table public.notes (id bigint generated always as identity primary key, user_id uuid, body text);
            create table public.orders (id bigint generated always as identity primary key,
              user_id uuid not null references auth.users (id) on delete cascade);
            """;

    private static EmbeddedServer production;

    @BeforeAll
    static void start() throws Exception {
        production = EmbeddedServer.start(Defaults.postgresMajor(), null);
        for (String db : List.of("damaged", "clean")) {
            Platform.createDatabase(production, db);
            try (Connection c = Jdbc.as(production, db, "postgres"); Statement s = c.createStatement()) {
                s.execute(SCHEMA);
            }
        }
        UUID ana = signUp("clean", "ana@example.com", null);
        UUID ben = signUp("clean", null, "+15550001111");
        admin("clean", "insert into public.notes (user_id, body) values ('" + ana + "', 'hi'), ('" + ben + "', 'yo');"
                + "insert into public.orders (user_id) values ('" + ana + "');"
                + "insert into public.app_users (id, email, phone) values ('" + ana + "', 'ana@example.com', null);");

        UUID cara = signUp("damaged", "cara@example.com", null);
        UUID dan = signUp("damaged", null, "+15552223333");
        UUID eve = signUp("damaged", "eve@example.com", null);
        try (Connection c = Jdbc.as(production, "damaged", "supabase_auth_admin")) {
            c.setAutoCommit(false);
            new AuthFlows(c, 4, AuthFlows.ONE_TRANSACTION).softDeleteUser(eve);
            c.commit();
        }
        admin("damaged", "insert into public.notes (user_id, body) values ('" + UUID.randomUUID() + "', 'orphan');"
                + "delete from public.profiles where id = '" + dan + "';"
                + "insert into public.app_users (email, phone) values ('cara@example.com', null), (null, '+1 555 999 0000'), (null, '15559990000');"
                + "insert into public.orders (user_id) values ('" + eve + "'), ('" + cara + "');");
    }

    @AfterAll
    static void stop() {
        production.close();
    }

    private static UUID signUp(String db, String email, String phone) throws Exception {
        try (Connection c = Jdbc.as(production, db, "supabase_auth_admin")) {
            c.setAutoCommit(false);
            AuthFlows flows = new AuthFlows(c, 4, AuthFlows.ONE_TRANSACTION);
            UUID id = email != null ? flows.signUpWithEmail(email, "pw", Map.of()) : flows.signInWithOtp(phone);
            c.commit();
            return id;
        }
    }

    private static void admin(String db, String sql) throws SQLException {
        try (Connection c = Jdbc.admin(production, db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<Finding> audit(String db) {
        return new Auditor(VerifyLog.SILENT).audit(new Credentials(production.jdbcUrl(db), "supabase_admin", ""), Map.of(), Set.of())
                .findings();
    }

    @Test
    void everyCheckFiresOnDamagedData() {
        List<Finding> found = audit("damaged");
        Map<String, List<Finding>> byRule = found.stream().collect(Collectors.groupingBy(Finding::rule));
        assertEquals(List.of("missing-profile", "orphaned-user-rows", "phone-not-normalized", "soft-deleted-user-data", "user-id-mismatch"),
                byRule.keySet().stream().sorted().toList(), found.toString());
        assertTrue(byRule.get("orphaned-user-rows").get(0).message().startsWith("1 rows of public.notes have a user_id that is not in auth.users"),
                found.toString());
        assertTrue(byRule.get("missing-profile").get(0).message().startsWith("1 auth users have no row in public.profiles"), found.toString());
        assertTrue(byRule.get("user-id-mismatch").get(0).message().startsWith("1 rows of public.app_users match an auth user"), found.toString());
        assertEquals(2, byRule.get("phone-not-normalized").size(), "one odd form, one duplicate after normalising");
        assertTrue(byRule.get("phone-not-normalized").stream().anyMatch(f -> f.message().contains("+1 555 999 0000")), found.toString());
        assertTrue(byRule.get("soft-deleted-user-data").get(0).message().startsWith("1 rows of public.orders belong to soft-deleted users"),
                found.toString());
    }

    @Test
    void cleanDataIsSilent() {
        assertEquals(List.of(), audit("clean"));
    }

    @Test
    void theAuditWritesNothing() throws Exception {
        Map<String, String> before = checksums("damaged");
        audit("damaged");
        assertEquals(before, checksums("damaged"));
    }

    @Test
    void theAuditSessionIsReadOnly() throws Exception {
        try (Connection c = ExternalServer.openReadOnly(production.jdbcUrl("damaged"), "supabase_admin", "");
             Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("delete from public.notes"));
            assertEquals("25006", e.getSQLState());
        }
    }

    /** An md5 of every row of every table in public and auth. */
    private static Map<String, String> checksums(String db) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = Jdbc.admin(production, db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select format('%I.%I', schemaname, tablename) from pg_tables where schemaname in ('public', 'auth')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from " + t + " x")) {
                    rs.next();
                    sums.put(t, rs.getString(1));
                }
            }
        }
        return sums;
    }
}
