package io.github.authschema.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationFailureTest {
    @TempDir
    Path project;

    private MigrationException fail(String sql) throws Exception {
        Path d = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(d.resolve("20240101000000_ok.sql"), "create table public.a (id int primary key);\n");
        Files.writeString(d.resolve("20240102000000_bad.sql"), sql);
        return assertThrows(MigrationException.class,
                () -> SupabasePostgres.builder().baseDirectory(project).migrations("supabase/migrations").start());
    }

    @Test
    void syntaxErrorNamesFileLineStatementAndSqlState() throws Exception {
        MigrationException f = fail("-- a comment\ncreate table public.b (id int);\n\ncreate tabel public.c (id int);\n");
        assertEquals("supabase/migrations/20240102000000_bad.sql", f.file());
        assertEquals(4, f.line());
        assertEquals("42601", f.sqlState());
        assertTrue(f.statement().contains("create tabel public.c"), f.statement());
        assertTrue(f.getMessage().startsWith("Migration failed: supabase/migrations/20240102000000_bad.sql:4: syntax error"), f.getMessage());
    }

    @Test
    void runtimeErrorInTheMiddleNamesTheLineOfTheFailingStatement() throws Exception {
        MigrationException f = fail("insert into public.a values (1);\n"
                + "insert into public.a\n  values (2);\n"
                + "insert into public.a\n  values (1);\n");
        assertEquals("23505", f.sqlState());
        assertEquals(4, f.line());
    }

    @Test
    void alteringAuthUsersMeetsTheSamePrivilegeWallAsOnSupabase() throws Exception {
        MigrationException f = fail("alter table auth.users add column nickname text;\n");
        assertEquals("42501", f.sqlState());
        assertTrue(f.postgresMessage().contains("must be owner of table users"), f.postgresMessage());
    }

    @Test
    void anExtensionTheEngineLacksIsNamed() throws Exception {
        MigrationException f = fail("create extension if not exists postgis with schema extensions;\n");
        assertTrue(f.postgresMessage().contains("postgis"), f.postgresMessage());
        assertTrue(f.postgresMessage().contains("TESTCONTAINERS"), f.postgresMessage());
        assertTrue(f.postgresMessage().contains("stand-ins for pg_graphql, supabase_vault, pgjwt, pgsodium, pg_net, pg_cron, http, "
                + "pg_jsonschema, pg_hashids, vector, pgmq; postgis is not among them"), f.postgresMessage());
    }
}
