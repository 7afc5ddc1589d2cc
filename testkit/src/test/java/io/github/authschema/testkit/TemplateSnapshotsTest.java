package io.github.authschema.testkit;

import io.github.authschema.testkit.TemplateSnapshots.Start;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrated template from the cache: stored once, used as it is while nothing changed, extended
 * by appended migrations, rebuilt after any other change, and built once for JVMs started together.
 */
class TemplateSnapshotsTest {
    @TempDir
    Path project;
    @TempDir
    Path cache;
    private Path migrations;

    @BeforeEach
    void folder() throws IOException {
        migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        // a second run of this file would fail (the table exists): a start that works applied it once
        Files.writeString(migrations.resolve("20240101000000_profiles.sql"), "create table public.profiles (id uuid primary key "
                + "references auth.users (id) on delete cascade, name text);\n");
        Files.writeString(project.resolve("supabase/seed.sql"), "insert into auth.users (instance_id, id, aud, role, email) values "
                + "('00000000-0000-0000-0000-000000000000', '11111111-1111-1111-1111-111111111111', 'authenticated', 'authenticated', "
                + "'seed@example.com');\ninsert into public.profiles values ('11111111-1111-1111-1111-111111111111', 'Seed');\n");
    }

    private record Started(Start start, List<String> tables, List<String> names) {
    }

    private Started start() throws SQLException {
        SupabasePostgres.Builder builder = SupabasePostgres.builder().baseDirectory(project).migrations("filesystem:supabase/migrations")
                .cache(true).cacheDirectory(cache);
        try (SupabasePostgres pg = builder.start(); SupabaseDatabase db = pg.newDatabase(); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            return new Started(builder.started, column(s, "select tablename from pg_tables where schemaname = 'public' "
                    + "and tablename <> 'flyway_schema_history' order by 1"), column(s, "select name from public.profiles order by 1"));
        }
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void storedOnceThenUsedAsItIs() throws Exception {
        Started first = start();
        assertEquals(Start.BUILT, first.start());
        assertEquals(List.of("Seed"), first.names(), "seeded");
        Started second = start();
        assertEquals(Start.STORED, second.start());
        assertEquals(first.tables(), second.tables());
        assertEquals(first.names(), second.names());
    }

    @Test
    void appendedMigrationsAreAppliedOnTopOfTheStoredState() throws Exception {
        start();
        Files.writeString(migrations.resolve("20240102000000_notes.sql"), "create table public.notes (id bigint primary key, "
                + "owner uuid references auth.users (id) on delete cascade);\n");
        Started appended = start();
        assertEquals(Start.EXTENDED, appended.start());
        assertEquals(List.of("notes", "profiles"), appended.tables());
        assertEquals(List.of("Seed"), appended.names(), "the seeds applied after the new migration, once");
        assertEquals(Start.STORED, start().start(), "and stored");
    }

    @Test
    void anEditedEarlierMigrationOrOtherSeedsAreNeverHidden() throws Exception {
        start();
        Files.writeString(migrations.resolve("20240101000000_profiles.sql"), "create table public.profiles (id uuid primary key "
                + "references auth.users (id) on delete cascade, name text);\ncreate table public.extra (id int);\n");
        Started edited = start();
        assertEquals(Start.BUILT, edited.start());
        assertEquals(List.of("extra", "profiles"), edited.tables());

        Files.writeString(project.resolve("supabase/seed.sql"), Files.readString(project.resolve("supabase/seed.sql")).replace("'Seed'", "'Other'"));
        Started reseeded = start();
        assertEquals(Start.EXTENDED, reseeded.start(), "the stored migrations, the new seeds");
        assertEquals(List.of("Other"), reseeded.names());
        assertEquals(List.of("Other"), start().names(), "the stored template now has the new seeds");
    }

    @Test
    void aFailingMigrationFailsAsWithoutTheCacheAndStoresNothing() throws Exception {
        Files.writeString(migrations.resolve("20240102000000_broken.sql"), "create table public.broken (id int);\nselect 1/0;\n");
        MigrationException e = assertThrows(MigrationException.class, this::start);
        assertEquals("supabase/migrations/20240102000000_broken.sql", e.file());
        assertEquals(2, e.line());
        try (Stream<Path> stored = Files.walk(cache)) {
            assertTrue(stored.noneMatch(p -> p.getFileName().toString().equals("snapshot.properties")), "nothing stored");
        }
    }

    @Test
    void testJvmsStartedTogetherBuildTheTemplateOnce() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> forks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            forks.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SnapshotStart.class.getName(),
                    project.toString(), cache.toString()).redirectErrorStream(true).start());
        }
        List<String> starts = new ArrayList<>();
        for (Process fork : forks) {
            try (InputStream out = fork.getInputStream()) {
                String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(fork.waitFor(120, TimeUnit.SECONDS));
                assertEquals(0, fork.exitValue(), text);
                text.lines().filter(l -> l.startsWith("start=")).forEach(l -> starts.add(l.substring("start=".length())));
            }
        }
        assertEquals(List.of("BUILT", "STORED"), starts.stream().sorted().toList());
    }
}
