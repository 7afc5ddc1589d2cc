package io.github.authschema.release;

import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.engine.EmbeddedServer;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.platform.Platform;
import io.github.authschema.verify.Credentials;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A second PostgreSQL with the Supabase platform, started once for the release tests: it plays the
 * databases migrate releases to, one fresh database per test. It stops when the JVM exits.
 */
final class Production {
    private static EmbeddedServer server;

    private Production() {
    }

    static synchronized EmbeddedServer server() {
        if (server == null) {
            server = EmbeddedServer.start(Defaults.postgresMajor(), null);
        }
        return server;
    }

    /** A new target with the platform and, when {@code sql} is not null, what it runs as postgres. */
    static String target(String sql) throws SQLException {
        String db = "prod_" + UUID.randomUUID().toString().substring(0, 8);
        Platform.createDatabase(server(), db);
        if (sql != null) {
            try (Connection c = Jdbc.as(server(), db, "postgres"); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
        return db;
    }

    static Credentials credentials(String db) {
        return new Credentials(server().jdbcUrl(db), "supabase_admin", "");
    }

    static List<String> column(String db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = Jdbc.admin(server(), db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
