package io.github.authschema.testkit.internal.migrate;

import io.github.authschema.testkit.SupabaseDatabase;
import io.github.authschema.testkit.SupabasePostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelinedMigrationsTest {
    private static SupabasePostgres pg;

    @TempDir
    Path project;

    @BeforeAll
    static void start() {
        pg = SupabasePostgres.builder().start();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private MigrationFile file(String name, String sql) throws Exception {
        Path dir = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(dir.resolve(name), sql);
        return new MigrationScanner(project).scan(List.of("filesystem:supabase/migrations")).files().stream()
                .filter(f -> f.path().getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void statementsThatNeedFlywaysOwnHandlingKeepTheMigrationOnFlyway() throws Exception {
        assertTrue(canPipeline(file("1_plain.sql",
                "select pg_catalog.set_config('search_path', '', false);\ncreate table public.t (id int);\n"
                        + "insert into public.t values (1) returning id;\n")));
        assertFalse(canPipeline(file("2_concurrently.sql", "create index concurrently on public.t (id);\n")));
        assertFalse(canPipeline(file("3_own_transaction.sql", "begin;\ncreate table public.u (id int);\ncommit;\n")));
        assertFalse(canPipeline(file("4_copy.sql", "-- data\nCOPY public.t (id) FROM stdin;\n1\n\\.\n")));
    }

    @Test
    void batchedAndFlywayHandledMigrationsApplyTogetherInOrder() throws Exception {
        file("20240101000000_tables.sql", "select pg_catalog.set_config('search_path', '', false);\n"
                + "create table public.t (id int primary key);\ninsert into public.t values (1) returning id;\n");
        file("20240102000000_index.sql", "create index concurrently t_id_desc on public.t (id desc);\n");
        file("20240103000000_own_transaction.sql", "begin;\ninsert into public.t values (2);\ncommit;\n");
        file("20240104000000_more.sql", "insert into public.t select id + 10 from public.t;\n");
        try (SupabasePostgres app = SupabasePostgres.builder().baseDirectory(project).migrations("supabase/migrations").start();
             SupabaseDatabase db = app.newDatabase();
             Connection c = db.dataSource().getConnection()) {
            assertEquals(List.of("1", "2", "11", "12"), column(c, "select t.id::text from public.t t order by t.id"));
            assertEquals(List.of("t_id_desc"), column(c, "select indexname from pg_indexes where indexname = 't_id_desc'"));
        }
    }

    @Test
    void aMigrationOfOnlyCommentsAndOneWithoutAFinalSemicolonApply() throws Exception {
        file("20240101000000_notes.sql", "-- nothing to run yet; see the next migration\n/* ; */\n");
        file("20240102000000_last.sql", "create table public.t (id int);\ninsert into public.t values (7)");
        try (SupabasePostgres app = SupabasePostgres.builder().baseDirectory(project).migrations("supabase/migrations").start();
             SupabaseDatabase db = app.newDatabase();
             Connection c = db.dataSource().getConnection()) {
            assertEquals(List.of("7"), column(c, "select id::text from public.t"));
            assertEquals(List.of("true", "true"), column(c, "select success::text from public.flyway_schema_history order by installed_rank"));
        }
    }

    @Test
    void historyIsTheSameAsFlywayWritesStatementByStatement() throws Exception {
        file("20240101000000_first.sql", "create table public.a (id int);\n-- a comment\ncreate table public.b (id int);\n");
        file("20240102000000_second_one.sql", "alter table public.a add column name text;\n");
        MigrationSet set = new MigrationScanner(project).scan(List.of("filesystem:supabase/migrations"));
        try (SupabaseDatabase batched = pg.newDatabase(); SupabaseDatabase flyway = pg.newDatabase()) {
            new MigrationRunner().apply(batched.dataSource(), set, MigrationListener.SILENT).orThrow();
            new MigrationRunner().statementByStatement().apply(flyway.dataSource(), set, MigrationListener.SILENT).orThrow();
            String history = "select version || ' ' || description || ' ' || script || ' ' || checksum || ' ' || type || ' ' || success "
                    + "from public.flyway_schema_history order by installed_rank";
            try (Connection a = batched.dataSource().getConnection(); Connection b = flyway.dataSource().getConnection()) {
                List<String> rows = column(a, history);
                assertEquals(2, rows.size(), rows.toString());
                assertEquals(column(b, history), rows);
            }
        }
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static boolean canPipeline(MigrationFile file) {
        return !PipelinedMigrations.needsFlyway(SqlStatements.locate(file.sql()));
    }
}
