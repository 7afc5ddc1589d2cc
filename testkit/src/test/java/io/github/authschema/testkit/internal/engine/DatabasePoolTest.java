package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.platform.Platform;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabasePoolTest {

    @Test
    void theExitHookDropsEveryDatabaseThePoolMadeOnAnExternalServer() throws Exception {
        try (EmbeddedPostgres other = EmbeddedPostgres.builder().start()) {
            List<String> before = databases(other);
            ExternalServer server = ExternalServer.connect(other.getJdbcUrl("postgres", "postgres"), "postgres", "");
            Platform.createDatabase(server, "authschema_feedc0ffee00_template");
            DatabasePool pool = new DatabasePool(server, "authschema_feedc0ffee00_template", "authschema_feedc0ffee00");
            String taken = pool.take();
            assertTrue(databases(other).contains(taken));

            pool.dropAllOnExit(); // what the shutdown hook runs when the JVM is interrupted

            assertEquals(before, databases(other));
        }
    }

    /** A stored template (TemplateSnapshots) serves every pool on its server; a pool's own goes with it. */
    @Test
    void aPoolDropsItsOwnTemplateAndKeepsOneFromTheCache() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(Defaults.postgresMajor(), null)) {
            Platform.createDatabase(server, "authschema_migrated");
            Platform.createDatabase(server, "authschema_feedc0ffee02_template");
            DatabasePool stored = new DatabasePool(server, "authschema_migrated", "authschema_feedc0ffee01");
            DatabasePool own = new DatabasePool(server, "authschema_feedc0ffee02_template", "authschema_feedc0ffee02");
            stored.release(stored.take());
            own.release(own.take());
            stored.close();
            own.close();
            List<String> left = databases(server);
            assertTrue(left.contains("authschema_migrated"), left.toString());
            assertFalse(left.stream().anyMatch(d -> d.startsWith("authschema_feedc0ffee")), left.toString());
        }
    }

    /**
     * Not as on Supabase, on purpose (README, "The embedded server is a test server"): a stored
     * template's files are copied from the running server, and nothing may rewrite them meanwhile.
     */
    @Test
    void theEmbeddedServerRunsWithoutAutovacuum() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(Defaults.postgresMajor(), null);
             Connection c = Jdbc.admin(server, "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show autovacuum")) {
            rs.next();
            assertEquals("off", rs.getString(1));
        }
    }

    private static List<String> databases(PostgresServer server) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = Jdbc.admin(server, "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select datname from pg_database order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<String> databases(EmbeddedPostgres pg) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select datname from pg_database order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
