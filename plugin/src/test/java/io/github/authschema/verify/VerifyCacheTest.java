package io.github.authschema.verify;

import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.cache.CacheStore;
import io.github.authschema.testkit.internal.cache.Snapshot;
import io.github.authschema.testkit.internal.engine.EmbeddedServer;
import io.github.authschema.testkit.internal.engine.Jdbc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache never hides a change: after each edit, rename, removal or reordering of an earlier
 * migration, a severity or a config.toml change, a cached run reports what a run without the cache
 * reports; unchanged inputs reuse the stored result, appended files start from the stored snapshot.
 */
class VerifyCacheTest {
    private static final String PROFILES = "create table public.profiles (\n  id uuid primary key references auth.users (id) on delete cascade,\n"
            + "  name text\n);\nalter table public.profiles enable row level security;\n"
            + "create policy own on public.profiles for select to authenticated using (id = (select auth.uid()));\n"
            + "grant select on public.profiles to authenticated;\n";
    // no cascade: user deletes fail (auth-fk-missing-cascade, an ERROR at this file's line 3)
    private static final String NOTES = "create table public.notes (\n  id bigint generated always as identity primary key,\n"
            + "  owner uuid not null references auth.users (id),\n  body text\n);\n";
    private static final String TAGS = "create table public.tags (id bigint generated always as identity primary key, label char(10));\n";

    @TempDir
    Path project;
    @TempDir
    Path cache;
    private Path migrations;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void folder() throws IOException {
        migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(migrations.resolve("20240101000000_profiles.sql"), PROFILES);
        Files.writeString(migrations.resolve("20240102000000_notes.sql"), NOTES);
        Files.writeString(migrations.resolve("20240103000000_tags.sql"), TAGS);
    }

    private VerifyResult cached(VerifyConfig config) {
        log.clear();
        return new Verifier(new VerifyLog() {
            @Override
            public void info(String message) {
                log.add(message);
            }

            @Override
            public void warn(String message) {
                log.add("WARN " + message);
            }

            @Override
            public void debug(String message) {
            }
        }).verify(config.cache(cache));
    }

    private VerifyResult cached() {
        return cached(new VerifyConfig(project));
    }

    private static VerifyResult uncached(VerifyConfig config) {
        return new Verifier(VerifyLog.SILENT).verify(config.shareServer(true));
    }

    /** Everything a report shows but the timings. */
    private static List<String> shown(VerifyResult r) {
        List<String> out = new ArrayList<>();
        r.findings().forEach(f -> out.add(f.rule() + " " + f.severity() + " " + f.object() + " " + f.location() + " " + f.message()));
        r.migrations().forEach(m -> out.add(m.file().displayPath() + " " + m.status()));
        r.migrationFailures().forEach(f -> out.add("failed " + f.describe()));
        r.simulations().forEach(s -> out.add(s.flow() + " " + s.action() + " " + s.ok() + " " + s.message()));
        r.access().forEach(a -> out.add(a.matrix().toString()));
        r.deleteGraph().forEach(e -> out.add(e.toString()));
        out.addAll(r.schema());
        return out;
    }

    private boolean logged(String start) {
        return log.stream().anyMatch(l -> l.startsWith(start));
    }

    private void assertFullRun() {
        assertTrue(logged("Applying 3 migrations") || logged("Applying 2 migrations"), "a full run: " + log);
    }

    @Test
    void unchangedInputsReuseTheStoredResultWithoutStartingPostgres() {
        VerifyResult first = cached();
        assertFullRun();
        assertTrue(logged("Stored the migrated database in the cache"), log.toString());
        VerifyResult second = cached();
        assertTrue(logged("Nothing changed since the verification of"), log.toString());
        assertFalse(logged("Started "), "no server starts: " + log);
        assertEquals(shown(first), shown(second));
        assertTrue(first.findings().stream().anyMatch(f -> f.rule().equals("auth-fk-missing-cascade")), first.findings().toString());
    }

    @Test
    void appendedMigrationsStartFromTheSnapshotAndEarlierOriginsStillPointAtTheirFiles() throws IOException {
        cached();
        VerifyResult appended = appendedFourth("20240104000000_more.sql", "create table public.more (id uuid primary key "
                + "references auth.users (id));\n");
        assertEquals(List.of("supabase/migrations/20240104000000_more.sql"), log.stream().filter(l -> l.startsWith("  supabase/"))
                .map(l -> l.trim().split("\\s+")[0]).toList(), "only the new file is applied");
        Finding notes = appended.findings().stream().filter(f -> f.rule().equals("auth-fk-missing-cascade") && f.object().contains("notes"))
                .findFirst().orElseThrow();
        assertEquals("supabase/migrations/20240102000000_notes.sql", notes.location().file());
        assertEquals(3, notes.location().line());
        assertTrue(appended.findings().stream().anyMatch(f -> f.rule().equals("auth-fk-missing-cascade")
                && f.location().file().endsWith("_more.sql")), appended.findings().toString());
    }

    /**
     * The snapshot's database is owned by postgres, as a full run's is: an appended CREATE SCHEMA, which
     * takes the owner's CREATE on the database, applies as it does without the cache.
     */
    @Test
    void anAppendedMigrationCreatesASchemaAsOnAFullRun() throws IOException {
        cached();
        VerifyResult appended = appendedFourth("20240104000000_reporting.sql", "create schema reporting;\n"
                + "create table reporting.daily (day date primary key, signups int not null);\n");
        assertTrue(appended.migrationFailures().isEmpty(), appended.migrationFailures().toString());
    }

    /** Appends {@code sql} as a fourth migration and verifies from the snapshot: the result equals an uncached run's. */
    private VerifyResult appendedFourth(String file, String sql) throws IOException {
        Files.writeString(migrations.resolve(file), sql);
        VerifyResult appended = cached();
        assertTrue(logged("Starting from the snapshot stored after 3 of these 4 migrations"), log.toString());
        assertEquals(shown(uncached(new VerifyConfig(project))), shown(appended));
        return appended;
    }

    @Test
    void anAppendedMigrationThatOpensAnEarlierTableIsProbedAgainTheOthersAreReused() throws IOException {
        cached();
        VerifyResult appended = appendedFourth("20240104000000_open.sql", "create policy \"all profiles\" on public.profiles "
                + "for select to authenticated using (true);\n");
        assertTrue(appended.findings().stream().anyMatch(f -> f.rule().equals("rls-cross-user-read") && f.object().contains("profiles")),
                appended.findings().toString());

        Files.writeString(migrations.resolve("20240105000000_tags_rls.sql"), "alter table public.tags enable row level security;\n"
                + "create policy \"read tags\" on public.tags for select to authenticated using (true);\n"
                + "grant select on public.tags to authenticated;\n");
        VerifyResult again = cached();
        assertEquals(shown(uncached(new VerifyConfig(project))), shown(again));
        assertTrue(logged("Probed who reaches whose rows in 2 tables") && log.stream().anyMatch(l -> l.contains("(1 answer reused")),
                "profiles reused, tags probed: " + log);
    }

    @Test
    void editingAnEarlierMigrationVerifiesInFull() throws IOException {
        cached();
        Files.writeString(migrations.resolve("20240102000000_notes.sql"), NOTES.replace("references auth.users (id)",
                "references auth.users (id) on delete cascade"));
        VerifyResult edited = cached();
        // snapshots hold whole runs: none holds the first file alone
        assertFullRun();
        assertEquals(shown(uncached(new VerifyConfig(project))), shown(edited));
        assertTrue(edited.findings().stream().noneMatch(f -> f.rule().equals("auth-fk-missing-cascade")), edited.findings().toString());
    }

    @Test
    void renamingRemovingAndReorderingEarlierMigrationsEachMatchAnUncachedRun() throws IOException {
        cached();
        Files.move(migrations.resolve("20240101000000_profiles.sql"), migrations.resolve("20240101000000_users_profiles.sql"));
        assertEquals(shown(uncached(new VerifyConfig(project))), shown(cached()), "renamed");
        assertFullRun();

        Files.delete(migrations.resolve("20240102000000_notes.sql"));
        VerifyResult removed = cached();
        assertEquals(shown(uncached(new VerifyConfig(project))), shown(removed), "removed");
        assertTrue(removed.findings().stream().noneMatch(f -> f.rule().equals("auth-fk-missing-cascade")), removed.findings().toString());

        // tags now comes first; profiles second
        Files.move(migrations.resolve("20240103000000_tags.sql"), migrations.resolve("20231231000000_tags.sql"));
        VerifyResult reordered = cached();
        assertFullRun();
        assertEquals(shown(uncached(new VerifyConfig(project))), shown(reordered), "reordered");
        assertEquals("supabase/migrations/20231231000000_tags.sql", reordered.migrations().get(0).file().displayPath());

        try (Stream<Path> snapshots = Files.list(onlyProject().resolve("snapshots"))) {
            assertTrue(snapshots.count() <= CacheStore.SNAPSHOTS_KEPT, "at most two snapshots per project are kept");
        }
    }

    @Test
    void aSeverityOrConfigTomlChangeIsNotHidden() throws IOException {
        VerifyResult before = cached();
        assertTrue(before.findings().stream().anyMatch(f -> f.rule().equals("auth-fk-missing-cascade") && f.severity() == Severity.ERROR));

        VerifyResult relaxed = cached(new VerifyConfig(project).rule("auth-fk-missing-cascade", Severity.WARN, List.of()));
        assertFalse(logged("Nothing changed"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Starting from the snapshot stored after 3 of these 3 migrations")
                && l.contains("applying none")), "the migrated state is the same: " + log);
        assertEquals(shown(uncached(new VerifyConfig(project).rule("auth-fk-missing-cascade", Severity.WARN, List.of()))), shown(relaxed));
        assertTrue(relaxed.findings().stream().anyMatch(f -> f.rule().equals("auth-fk-missing-cascade") && f.severity() == Severity.WARN));

        // [api] schemas without public: the API rules and the probe no longer look at public's tables
        Files.writeString(project.resolve("supabase/config.toml"), "[api]\nschemas = [\"graphql_public\"]\n");
        VerifyResult config = cached();
        assertFalse(logged("Nothing changed"), log.toString());
        assertEquals(shown(uncached(new VerifyConfig(project))), shown(config));
        assertTrue(config.access().isEmpty(), "no probe outside the API schemas: " + config.access());
        assertFalse(before.access().isEmpty());
    }

    @Test
    void theStoredDatabaseIsTheOneAfterTheMigrationsNotAfterTheProbe() throws Exception {
        // the probe inserts into todos as its owner (rolled back): the identity sequence must not stay advanced in the snapshot
        Files.writeString(migrations.resolve("20240104000000_todos.sql"), "create table public.todos (id bigint generated always as identity "
                + "primary key, user_id uuid not null references auth.users (id) on delete cascade, title text);\n"
                + "alter table public.todos enable row level security;\n"
                + "create policy own on public.todos for all to authenticated using (user_id = (select auth.uid()));\n"
                + "grant select, insert, update, delete on public.todos to authenticated;\n");
        VerifyResult result = cached();
        assertTrue(result.access().stream().anyMatch(a -> a.table().equals("todos")), "todos was probed: " + result.access());
        Path entry;
        try (Stream<Path> snapshots = Files.list(onlyProject().resolve("snapshots"))) {
            entry = snapshots.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        Snapshot snapshot = new Snapshot(entry, entry.getFileName().toString(), 4, read(entry.resolve("snapshot.properties")));
        try (EmbeddedServer server = EmbeddedServer.startFrom(Defaults.postgresMajor(), null, snapshot);
             Connection c = Jdbc.admin(server, VerifyCache.SNAPSHOT_DATABASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select last_value from pg_sequences where sequencename = 'todos_id_seq'")) {
            assertTrue(rs.next());
            assertEquals(null, rs.getObject(1), "as after the migrations: never drawn from");
        }
    }

    /** The project's folder in the cache: each test has a cache of its own. */
    private Path onlyProject() throws IOException {
        try (Stream<Path> projects = Files.list(cache)) {
            return projects.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static Map<String, String> read(Path properties) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            p.load(in);
        }
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    @Test
    void aDamagedCacheEntryMeansAFullRunNotAFailure() throws IOException {
        VerifyResult first = cached();
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path p : files.filter(p -> p.getParent().getFileName().toString().equals("results")).toList()) {
                Files.writeString(p, "not a stored result");
            }
        }
        VerifyResult again = cached();
        assertFalse(logged("Nothing changed"), log.toString());
        assertEquals(shown(first), shown(again));
    }
}
