package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.internal.platform.Platform;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
