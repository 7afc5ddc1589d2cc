package io.github.authschema.testkit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opening of a `supabase db pull` dump applies on the embedded engine, and the stand-ins do what
 * the README says: pg_net records requests, pg_cron records jobs, Vault keeps secrets, pgjwt signs,
 * http refuses the network, pg_graphql answers with an error.
 */
@SupabaseTest(migrations = "classpath:fixtures/db-pull-dump")
class StandInExtensionsTest {

    @Test
    void aDumpAppliesAndItsExtensionsAreListed(SupabaseDatabase db) throws Exception {
        List<Object> names = Sql.column(db.dataSource(), "select extname from pg_extension where extname in "
                + "('pg_net', 'pg_cron', 'pgsodium', 'pg_graphql', 'pg_stat_statements', 'pgjwt', 'supabase_vault') order by 1");
        assertEquals(List.of("pg_cron", "pg_graphql", "pg_net", "pg_stat_statements", "pgjwt", "pgsodium", "supabase_vault"), names);
        assertEquals("standard public schema", Sql.one(db.dataSource(), "select obj_description('public'::regnamespace)"));
    }

    @Test
    void aSignUpTriggerThatCallsPgNetSucceedsAndItsRequestIsRecorded(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signInWithOtp("+15556667777");
        assertEquals("https://hooks.example.com/new-user",
                Sql.one(db.dataSource(), "select url from net.http_request_queue where convert_from(body, 'utf8')::jsonb ->> 'id' = ?",
                        user.id().toString()));
    }

    @Test
    void jobsSecretsAndTokensAreKeptAsTheRealExtensionsKeepThem(SupabaseDatabase db) throws Exception {
        assertEquals("0 3 * * *", Sql.one(db.dataSource(), "select schedule from cron.job where jobname = 'nightly-cleanup'"));
        assertEquals("s3cr3t", Sql.one(db.dataSource(), "select decrypted_secret from vault.decrypted_secrets where name = 'webhook_key'"));
        assertEquals(true, Sql.one(db.dataSource(), "select valid from extensions.verify(extensions.sign('{\"sub\": \"1\"}', 'k'), 'k')"));
        assertEquals(false, Sql.one(db.dataSource(), "select valid from extensions.verify(extensions.sign('{\"sub\": \"1\"}', 'k'), 'other')"));
        assertTrue(((String) Sql.one(db.dataSource(), "select graphql.resolve('{ a }')::text")).contains("not executed"));
    }

    @Test
    void httpSaysTheEmulationHasNoNetwork(SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists http with schema extensions");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("select extensions.http_get('https://example.com')"));
            assertTrue(e.getMessage().contains("no network"), e.getMessage());
        }
    }

    /**
     * pgmq keeps pgmq 1.4.4's tables and visibility rules, and postgres owns its queues as supautils'
     * after-create script for pgmq makes it (supabase/postgres at 293f96b,
     * ansible/files/postgresql_extension_custom_scripts/pgmq/after-create.sql).
     */
    @Test
    void pgmqQueuesMessagesAsTheRealExtensionDoes(SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pgmq");
            s.execute("select pgmq.create('emails')");
            assertEquals("postgres", Sql.one(c, "select tableowner::text from pg_tables where schemaname = 'pgmq' and tablename = 'q_emails'"));
            s.execute("select pgmq.send('emails', '{\"to\": \"ana@example.com\"}')");
            s.execute("select pgmq.send_batch('emails', array['{\"to\": \"ben@example.com\"}'::jsonb])");
            assertEquals(List.of("ana@example.com", "ben@example.com"),
                    Sql.column(c, "select message ->> 'to' from pgmq.read('emails', 30, 5) order by msg_id"));
            assertEquals(List.of(), Sql.column(c, "select msg_id from pgmq.read('emails', 30, 5)"), "read messages stay invisible for vt seconds");
            assertEquals(true, Sql.one(c, "select pgmq.archive('emails', 1::bigint)"));
            assertEquals(1L, ((Number) Sql.one(c, "select count(*) from pgmq.a_emails")).longValue());
            assertEquals(1L, ((Number) Sql.one(c, "select queue_length from pgmq.metrics('emails')")).longValue());
        }
    }

    /** supautils lets postgres drop and move its privileged extensions (2.5.0 added ALTER EXTENSION … SET SCHEMA). */
    @Test
    void postgresMayMoveAndDropThePlatformsExtensions(SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter extension \"uuid-ossp\" set schema public");
            assertEquals("public", Sql.one(c, "select extnamespace::regnamespace::text from pg_extension where extname = 'uuid-ossp'"));
            s.execute("drop extension \"uuid-ossp\"");
        }
    }

    /** supautils' privileged_extensions: postgres creates contrib extensions PostgreSQL reserves for superusers. */
    @Test
    void postgresMayCreateThePrivilegedContribExtensions(SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists moddatetime with schema extensions");
            s.execute("create extension if not exists pg_trgm with schema extensions");
        }
    }

    /**
     * supautils' after-create script for postgres_fdw (supabase/postgres at f18d9a3,
     * ansible/files/postgresql_extension_custom_scripts/postgres_fdw/after-create.sql) makes postgres
     * the wrapper's owner, so postgres may create servers for it.
     */
    @Test
    void postgresOwnsPostgresFdwAndCreatesServers(SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists postgres_fdw with schema extensions");
            s.execute("create server billing foreign data wrapper postgres_fdw options (host 'billing.internal', dbname 'billing')");
            assertEquals("postgres", Sql.one(c, "select fdwowner::regrole::text from pg_foreign_data_wrapper where fdwname = 'postgres_fdw'"));
            assertEquals(false, Sql.one(c, "select rolsuper from pg_roles where rolname = 'postgres'"));
        }
    }

    @Test
    void pgJsonschemaChecksTheCommonKeywordsInAConstraint(SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_jsonschema with schema extensions");
            s.execute("create table public.settings (id bigint primary key, data jsonb not null check (extensions.jsonb_matches_schema("
                    + "'{\"type\": \"object\", \"required\": [\"theme\"], \"additionalProperties\": false, \"properties\": {"
                    + "\"theme\": {\"enum\": [\"dark\", \"light\"]}, \"size\": {\"type\": \"integer\", \"minimum\": 8}}}', data)))");
            s.execute("insert into public.settings values (1, '{\"theme\": \"dark\", \"size\": 12}')");
            for (String bad : List.of("{\"size\": 12}", "{\"theme\": \"blue\"}", "{\"theme\": \"dark\", \"size\": 4}",
                    "{\"theme\": \"dark\", \"size\": 12.5}", "{\"theme\": \"dark\", \"colour\": \"red\"}")) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute("insert into public.settings values (2, '" + bad + "')"));
                assertEquals("23514", e.getSQLState(), bad);
            }
        }
    }

    /**
     * The values pg_hashids' own regression test expects (iCyberon/pg_hashids, expected/pg_hashids.out),
     * and hashids.js's README example for several numbers.
     */
    @Test
    void pgHashidsGivesTheStringsOfTheRealExtension(SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_hashids with schema extensions");
            s.execute("set search_path = public, extensions");
            String salt = "'This is my salt'";
            String alphabet = "'abcdefghijABCDxFGHIJ1234567890'";
            assertEquals(List.of("jNl", "Pdzxp", "PlRPdzxpR7", "3GJ956J9B9", "o2fXhV", "laHquq"), Sql.column(c,
                    "select unnest(array[id_encode(1001), id_encode(1234567, " + salt + "), id_encode(1234567, " + salt + ", 10), "
                    + "id_encode(1234567, " + salt + ", 10, " + alphabet + "), id_encode(array[1, 2, 3]), "
                    + "id_encode(array[1, 2, 3], 'this is my salt')])"));
            assertEquals(List.of("1001", "1234567", "1234567", "1234567", "{1,2,3}", "{}"), Sql.column(c,
                    "select unnest(array[id_decode_once('jNl')::text, id_decode_once('Pdzxp', " + salt + ")::text, "
                    + "id_decode_once('PlRPdzxpR7', " + salt + ", 10)::text, id_decode_once('3GJ956J9B9', " + salt + ", 10, " + alphabet
                    + ")::text, id_decode('laHquq', 'this is my salt')::text, id_decode('Pdzxp')::text])"));
            SQLException e = assertThrows(SQLException.class, () -> s.execute("select extensions.id_encode(1, '', 0, 'abc')"));
            assertTrue(e.getMessage().contains("at least 16 unique characters"), e.getMessage());
        }
    }
}
