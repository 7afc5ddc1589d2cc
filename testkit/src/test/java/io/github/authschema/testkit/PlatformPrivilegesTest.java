package io.github.authschema.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What postgres and the API roles may do, as on Supabase in 2026. Sources: supabase/postgres
 * migrations/db/migrations (20211115181400_update-auth-permissions, 20240627101908 and 20250421084701
 * revoke_*_from_postgres, 20260821154147_revoke_createrole_from_auth_admin) and migrate.sh (postgres owns
 * the database); supautils.conf's policy_grants and supautils src/supautils.c (COMMENT ON POLICY, v3.3.0);
 * supabase/cli apps/cli-go/internal/db/start/start.go ApplyApiPrivileges; the 2026 changelog "tables not
 * exposed to Data and GraphQL API automatically".
 */
@SupabaseTest(migrations = "classpath:fixtures/security-definer-hook")
class PlatformPrivilegesTest {
    @TempDir
    Path project;

    @Test
    void aPostgresOwnedHookMayWriteAuthUsersAndDeleteTheCaller(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signUp("hook@example.com", "pw");
        assertEquals("free", Sql.one(db.dataSource(), "select raw_app_meta_data ->> 'plan' from auth.users where id = ?", user.id()));
        try (Connection c = db.connectAs(user); Statement s = c.createStatement()) {
            s.execute("select public.delete_my_account()");
        }
        assertEquals(0L, Sql.count(db.dataSource(), "select count(*) from auth.users where id = ?", user.id()));
    }

    @Test
    void postgresReadsAndWritesAuthTablesButNeverReshapesThemNorTouchesTheServicesBookkeeping(SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // a seed, as supabase db reset runs it
            s.execute("insert into auth.users (instance_id, id, aud, role, email) values "
                    + "('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', 'seed@example.com')");
            assertEquals("42501", state(() -> s.execute("alter table auth.users add column nickname text")));
            // it may read everything (pg_read_all_data, as on Supabase), but not write the service's migration history
            assertEquals("42501", state(() -> s.execute("insert into auth.schema_migrations values ('99999999999999')")));
            assertEquals("42501", state(() -> s.execute("create table auth.mine (id int)")));
        }
    }

    @Test
    void aPulledDumpMayCommentOnSchemaPublicAndPoliciesOnPlatformTables(SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("comment on schema public is 'standard public schema'");
            s.execute("create policy \"members join private channels\" on realtime.messages for select to authenticated "
                    + "using (realtime.topic() = 'room:' || (select auth.uid())::text)");
            s.execute("comment on policy \"members join private channels\" on realtime.messages is 'Realtime Authorization'");
            s.execute("create policy \"read own factors\" on auth.mfa_factors for select to authenticated using (user_id = auth.uid())");
            assertEquals("42501", state(() -> s.execute("comment on table auth.users is 'mine'")), "other comments stay walled");
        }
        assertEquals("postgres", Sql.one(db.dataSource(), "select pg_catalog.pg_get_userbyid(datdba)::text from pg_database "
                + "where datname = current_database()"));
    }

    /**
     * supautils' {@code drop_trigger_grants} and {@code policy_grants} (supabase/postgres
     * ansible/files/postgresql_config/conf.d/supautils.conf at 6124db1) list, per role, the tables it may
     * drop triggers and manage policies on: a grant for the table the command names. A policy on a
     * project table that only calls auth.uid() must leave the platform tables alone: when it lent them
     * all, every such policy rewrote their pg_class rows twice (1000 policies: 49 MB of pg_class).
     */
    @Test
    void onlyTheNamedPlatformTableIsLentAndAPolicyThatCallsAuthUidLendsNone(SupabaseDatabase db) throws Exception {
        String rowVersion = "select xmin::text || pg_get_userbyid(relowner) from pg_class where oid = 'auth.users'::regclass";
        Object before = Sql.one(db.dataSource(), rowVersion);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table public.notes (id bigint primary key, user_id uuid references auth.users (id) on delete cascade);\n"
                    + "alter table public.notes enable row level security;\n"
                    + "create policy \"own notes\" on public.notes for all to authenticated using ((select auth.uid()) = user_id)");
            assertEquals(before, Sql.one(db.dataSource(), rowVersion), "auth.users was not lent for a policy on public.notes");
            s.execute("drop trigger if exists on_auth_user_created_stamp on \"auth\".\"users\"");
            assertEquals(0L, Sql.count(db.dataSource(), "select count(*) from pg_trigger where tgname = 'on_auth_user_created_stamp'"));
            assertEquals("42501", state(() -> s.execute("drop trigger if exists some_trigger on auth.users; alter table auth.users add column x int")),
                    "the loan ends with the command it was for");
        }
        assertEquals("supabase_auth_admin", Sql.one(db.dataSource(), "select pg_get_userbyid(relowner)::text from pg_class "
                + "where oid = 'auth.users'::regclass"));
    }

    @Test
    void theAuthServiceRoleMayNotCreateRoles(SupabaseDatabase db) throws Exception {
        assertEquals(false, Sql.one(db.dataSource(), "select rolcreaterole from pg_roles where rolname = 'supabase_auth_admin'"));
    }

    @Test
    void sinceTwentyTwentySixANewTableNeedsItsOwnGrant() throws Exception {
        write("20240101000000_notes.sql", "create table public.notes (id bigint primary key, body text);\n"
                + "alter table public.notes enable row level security;\n"
                + "create policy \"all read\" on public.notes for select to anon, authenticated using (true);\n"
                + "create table public.granted (id bigint primary key);\n"
                + "alter table public.granted enable row level security;\n"
                + "create policy \"all read\" on public.granted for select to anon using (true);\n"
                + "grant select on public.granted to anon;\n");
        try (SupabasePostgres pg = SupabasePostgres.builder().baseDirectory(project).migrations("supabase/migrations").start();
             SupabaseDatabase db = pg.newDatabase();
             Connection anon = db.connectAsAnon(); Statement s = anon.createStatement()) {
            assertEquals("42501", state(() -> s.execute("select * from public.notes")));
            s.execute("select * from public.granted");
        }
        try (SupabasePostgres pg = SupabasePostgres.builder().baseDirectory(project).migrations("supabase/migrations")
                .autoExposeNewTables(true).start();
             SupabaseDatabase db = pg.newDatabase();
             Connection anon = db.connectAsAnon(); Statement s = anon.createStatement()) {
            s.execute("select * from public.notes");
        }
    }

    @Test
    void configTomlSetsTheDefaultsAndAnExplicitSettingBeatsIt() throws Exception {
        write("20240101000000_notes.sql", "create table public.notes (id bigint primary key);\n");
        Files.writeString(project.resolve("supabase/config.toml"), "[api]\nauto_expose_new_tables = true\n\n"
                + "[auth]\nenable_anonymous_sign_ins = false\n\n[auth.sms]\nenable_signup = false\n");
        try (SupabasePostgres pg = SupabasePostgres.builder().baseDirectory(project).migrations("supabase/migrations").start();
             SupabaseDatabase db = pg.newDatabase()) {
            try (Connection anon = db.connectAsAnon(); Statement s = anon.createStatement()) {
                s.execute("select * from public.notes");
            }
            AuthFlowException anonymous = assertThrows(AuthFlowException.class, () -> db.auth().signInAnonymously());
            assertEquals(AuthErrorCode.ANONYMOUS_PROVIDER_DISABLED, anonymous.code());
            AuthFlowException phone = assertThrows(AuthFlowException.class, () -> db.auth().signInWithOtp("+15550001234"));
            assertEquals(AuthErrorCode.PHONE_PROVIDER_DISABLED, phone.code());
            db.auth().signUp("still@example.com", "pw");
        }
        try (SupabasePostgres pg = SupabasePostgres.builder().baseDirectory(project).migrations("supabase/migrations")
                .autoExposeNewTables(false).start();
             SupabaseDatabase db = pg.newDatabase();
             Connection anon = db.connectAsAnon(); Statement s = anon.createStatement()) {
            assertEquals("42501", state(() -> s.execute("select * from public.notes")), "explicit beats config.toml");
        }
    }

    @Test
    void aBrokenConfigTomlIsNamed() throws Exception {
        write("20240101000000_notes.sql", "select 1;\n");
        Files.writeString(project.resolve("supabase/config.toml"), "[api\nauto_expose_new_tables = true\n");
        SupabaseKitException e = assertThrows(SupabaseKitException.class,
                () -> SupabasePostgres.builder().baseDirectory(project).migrations("supabase/migrations").start());
        assertTrue(e.getMessage().startsWith("supabase/config.toml is not valid TOML"), e.getMessage());
    }

    private void write(String name, String sql) throws Exception {
        Path dir = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(dir.resolve(name), sql);
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static String state(Work work) {
        SQLException e = assertThrows(SQLException.class, work::run);
        return e.getSQLState();
    }
}
