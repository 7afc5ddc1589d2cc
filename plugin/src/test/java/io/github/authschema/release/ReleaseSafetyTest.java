package io.github.authschema.release;

import io.github.authschema.rules.Severity;
import io.github.authschema.rules.engine.BuildGate;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What migrate checks before and while it writes: a shared database whose public.users is another
 * project's (the story of issue 17), a CREATE TABLE IF NOT EXISTS the target would skip, and a
 * statement stuck behind live traffic.
 */
class ReleaseSafetyTest {
    /** The other project's table: other columns, 153 rows. */
    private static final String THEIRS = "create table public.users (id bigint generated always as identity primary key, "
            + "full_name text not null, legacy_login text);\n"
            + "insert into public.users (full_name) select 'user ' || g from generate_series(1, 153) g;\n"
            + "create table public.invoices (id bigint primary key, amount numeric);\n";
    private static final String OURS = "create table if not exists public.users (\n"
            + "  id uuid primary key references auth.users (id) on delete cascade,\n"
            + "  email text,\n"
            + "  is_anonymous boolean not null default false\n);\n"
            + "alter table public.users enable row level security;\n";

    @TempDir
    Path project;

    private MigrateResult migrate(String db, Migrator.Options options) {
        return new Migrator(VerifyLog.SILENT).migrate(new VerifyConfig(project).shareServer(true),
                Production.credentials(db), new BuildGate(Severity.ERROR, Optional.empty()), options);
    }

    private void migration(String name, String sql) throws Exception {
        Files.writeString(Files.createDirectories(project.resolve("supabase/migrations")).resolve(name), sql);
    }

    /** Every table of the target with its columns and an md5 of its rows, and the history: to compare before and after. */
    private static List<String> checksums(String db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = Jdbc.admin(Production.server(), db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select format('%I.%I', schemaname, tablename) from pg_tables "
                    + "where schemaname in ('public', 'supabase_migrations') order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select (select string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' order by attnum) "
                        + "from pg_attribute where attrelid = '" + t + "'::regclass and attnum > 0 and not attisdropped), "
                        + "(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from " + t + " r)")) {
                    rs.next();
                    out.add(t + " (" + rs.getString(1) + ") " + rs.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    void aSharedDatabaseWhosePublicUsersIsAnotherProjectsIsRefusedBeforeAnyWrite() throws Exception {
        migration("20260101000000_users.sql", OURS);
        migration("20260102000000_notes.sql", "create table public.notes (id bigint primary key, "
                + "user_id uuid not null references public.users (id) on delete cascade);\nalter table public.notes enable row level security;\n");
        String db = Production.target(THEIRS);
        List<String> before = checksums(db);

        MigrateResult.Drifted refused = assertInstanceOf(MigrateResult.Drifted.class, migrate(db, Migrator.Options.defaults()));
        assertEquals(0, refused.appliedBefore());
        List<String> met = refused.conflicts().stream().map(MigrateResult.Conflict::describe).toList();
        assertTrue(met.contains("supabase/migrations/20260101000000_users.sql:1 meets public.users, which differs on the target: "
                + "only on the target: table public.users"), met.toString());
        assertTrue(met.stream().anyMatch(m -> m.contains("column public.users.legacy_login")), met.toString());
        assertTrue(refused.conflicts().stream().noneMatch(c -> c.object().equals("public.invoices")), "the other project's other table is no conflict");
        assertTrue(refused.drift().onlyInTarget().contains("table public.invoices"), "but it is reported");
        assertEquals(List.of("supabase/migrations/20260101000000_users.sql:1 CREATE TABLE IF NOT EXISTS public.users would be skipped: "
                + "Missing on the target: email, is_anonymous. Other types: id (uuid in the statement, bigint on the target). "
                + "Only on the target: full_name, legacy_login."), refused.skips());
        assertEquals(before, checksums(db), "tables, rows and history byte for byte as they were");

        MigrateResult.Applied empty = assertInstanceOf(MigrateResult.Applied.class, migrate(Production.target(null), Migrator.Options.defaults()));
        assertEquals(2, empty.applied().size(), "the same folder applies to an empty target");
    }

    @Test
    void withDriftAllowedASkippedCreateOfAnotherShapeIsStillRefusedAndRolledBack() throws Exception {
        migration("20260101000000_users.sql", OURS);
        String db = Production.target(THEIRS);
        MigrateResult.Applied result = assertInstanceOf(MigrateResult.Applied.class,
                migrate(db, new Migrator.Options(false, FailOnDrift.NONE, Duration.ofSeconds(5))));
        assertEquals(List.of(), result.applied());
        String message = result.failure().orElseThrow().describe();
        assertTrue(message.contains("supabase/migrations/20260101000000_users.sql:1"), message);
        assertTrue(message.contains("CREATE TABLE IF NOT EXISTS public.users would be skipped on the target"), message);
        assertTrue(message.contains("Missing on the target: email, is_anonymous."), message);
        assertTrue(message.contains("Other types: id (uuid in the statement, bigint on the target)."), message);
        assertEquals(List.of("false"), Production.column(db, "select relrowsecurity::text from pg_class where oid = 'public.users'::regclass"),
                "the migration's later statements did not run");
    }

    @Test
    void flywaysLayoutIsCheckedBeforeEachMigrationToo() throws Exception {
        // Flyway itself refuses a non-empty public schema without its history table, so the shared table lives in another schema
        Files.writeString(Files.createDirectories(project.resolve("src/main/resources/db/migration")).resolve("V1__users.sql"),
                "create schema if not exists app;\n" + OURS.replace("public.users", "app.users"));
        String db = Production.target("create schema app;\n" + THEIRS.replace("public.", "app."));
        MigrateResult.Applied result = assertInstanceOf(MigrateResult.Applied.class,
                migrate(db, new Migrator.Options(false, FailOnDrift.NONE, Duration.ofSeconds(5))));
        String message = result.failure().orElseThrow().describe();
        assertTrue(message.contains("src/main/resources/db/migration/V1__users.sql:2"), message);
        assertTrue(message.contains("Missing on the target: email, is_anonymous."), message);
        assertEquals(List.of("0"), Production.column(db, "select count(*)::text from public.flyway_schema_history where success and version = '1'"),
                "Flyway rolled the migration back and recorded no success");
    }

    @Test
    void aSkippedCreateIndexOnOtherColumnsIsRefused() throws Exception {
        migration("20260101000000_notes.sql", "create table if not exists public.notes (id bigint primary key, user_id uuid, body text);\n"
                + "alter table public.notes enable row level security;\n"
                + "create index if not exists notes_owner_idx on public.notes (user_id) where user_id is not null;\n");
        String db = Production.target("create table public.notes (id bigint primary key, user_id uuid, body text);\n"
                + "create index notes_owner_idx on public.notes (body);\n");
        MigrateResult.Applied result = assertInstanceOf(MigrateResult.Applied.class,
                migrate(db, new Migrator.Options(false, FailOnDrift.NONE, Duration.ofSeconds(5))));
        String message = result.failure().orElseThrow().describe();
        assertTrue(message.contains("supabase/migrations/20260101000000_notes.sql:3"), message);
        assertTrue(message.contains("CREATE INDEX IF NOT EXISTS public.notes_owner_idx would be skipped on the target"), message);
        assertTrue(message.contains("It covers (body), not (user_id)."), message);
    }

    @Test
    void aSkippedCreateOfTheSameShapeIsFine() throws Exception {
        migration("20260101000000_tags.sql", "create table if not exists public.tags (id bigint primary key, label text);\n"
                + "alter table public.tags enable row level security;\n");
        String db = Production.target("create table public.tags (id bigint primary key, label text);\n");
        MigrateResult.Applied result = assertInstanceOf(MigrateResult.Applied.class,
                migrate(db, new Migrator.Options(false, FailOnDrift.NONE, Duration.ofSeconds(5))));
        assertTrue(result.failure().isEmpty(), result.toString());
        assertEquals(List.of("supabase/migrations/20260101000000_tags.sql"), result.applied());
    }

    @Test
    void driftNoPendingMigrationMeetsOnlyStopsTheReleaseWithAny() throws Exception {
        migration("20260101000000_notes.sql", "create table public.notes (id bigint primary key);\nalter table public.notes enable row level security;\n");
        String db = Production.target("create table public.made_by_hand (id int);\n");
        MigrateResult.Drifted any = assertInstanceOf(MigrateResult.Drifted.class,
                migrate(db, new Migrator.Options(false, FailOnDrift.ANY, Duration.ofSeconds(5))));
        assertEquals(List.of(), any.conflicts());
        assertTrue(any.drift().onlyInTarget().contains("table public.made_by_hand"), any.drift().toString());
        MigrateResult.Applied touched = assertInstanceOf(MigrateResult.Applied.class, migrate(db, Migrator.Options.defaults()));
        assertEquals(1, touched.applied().size());
    }

    @Test
    void aStatementBehindLiveTrafficGivesUpAtLockTimeoutAndNamesTheHolder() throws Exception {
        migration("20260101000000_profiles.sql", "create table public.profiles (id uuid primary key references auth.users (id) on delete cascade);\n"
                + "alter table public.profiles enable row level security;\n");
        String db = Production.target(null);
        migrate(db, Migrator.Options.defaults());
        migration("20260102000000_bio.sql", "alter table public.profiles add column bio text;\n");
        try (Connection holder = Jdbc.as(Production.server(), db, "postgres"); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("select count(*) from public.profiles /* a report, left open */");
            MigrateResult.Applied blocked = assertInstanceOf(MigrateResult.Applied.class,
                    migrate(db, new Migrator.Options(false, FailOnDrift.TOUCHED, Duration.ofSeconds(1))));
            String message = blocked.failure().orElseThrow().describe();
            assertEquals("55P03", blocked.failure().get().sqlState(), message);
            assertTrue(message.contains("supabase/migrations/20260102000000_bio.sql:1"), message);
            assertTrue(message.contains("lock timeout of 1000 ms"), message);
            assertTrue(message.contains("select count(*) from public.profiles /* a report, left open */"), "names the holder's query: " + message);
            assertTrue(message.contains("idle in transaction"), message);
            holder.rollback();
        }
        assertEquals(List.of("supabase/migrations/20260102000000_bio.sql"),
                assertInstanceOf(MigrateResult.Applied.class, migrate(db, Migrator.Options.defaults())).applied(), "applies once the holder is gone");
    }
}
