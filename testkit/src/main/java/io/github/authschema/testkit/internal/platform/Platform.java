package io.github.authschema.testkit.internal.platform;

import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.engine.EmbeddedServer;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/** Installs the emulated Supabase platform: roles once per server, schemas into a database. */
public final class Platform {
    private static final String ROLES_SQL = load("platform-roles.sql");
    private static final String DATABASE_SQL = load("platform-database.sql");
    private static final String DATA_API_OFF_SQL = load("platform-data-api-off.sql");
    private static final Set<PostgresServer> SERVERS_WITH_ROLES = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** Serialises role creation between JVMs that share an external server. */
    private static final long ROLES_LOCK = 0x6175746873636865L;

    private Platform() {
    }

    public static void installRoles(PostgresServer server) {
        synchronized (SERVERS_WITH_ROLES) {
            if (SERVERS_WITH_ROLES.contains(server)) {
                return;
            }
            try (Connection c = Jdbc.admin(server, "postgres"); Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(" + ROLES_LOCK + ")");
                try {
                    s.execute(ROLES_SQL);
                } finally {
                    s.execute("select pg_advisory_unlock(" + ROLES_LOCK + ")");
                }
            } catch (SQLException e) {
                throw new SupabaseKitException("Could not create the Supabase roles on " + server.describe() + ": " + e.getMessage(), e);
            }
            if (server instanceof EmbeddedServer embedded) {
                StandInExtensions.install(embedded.extensionDirectory());
            }
            SERVERS_WITH_ROLES.add(server);
        }
    }

    /** {@link #createDatabase(PostgresServer, String, boolean)} with Supabase's default since 2026: no auto-exposure. */
    public static void createDatabase(PostgresServer server, String database) {
        createDatabase(server, database, false);
    }

    /**
     * Creates {@code database} and installs the auth, storage, extensions and realtime parts into it.
     * {@code autoExposeNewTables}: new objects in public are granted to the API roles, as before 2026.
     */
    public static void createDatabase(PostgresServer server, String database, boolean autoExposeNewTables) {
        installRoles(server);
        try (Connection c = Jdbc.admin(server, "postgres"); Statement s = c.createStatement()) {
            // postgres owns the database, as migrate.sh arranges on Supabase: so it acts as owner of public
            s.execute("create database " + Jdbc.quoteIdent(database) + " owner postgres");
        } catch (SQLException e) {
            throw new SupabaseKitException("Could not create database " + database + " on " + server.describe() + ": " + e.getMessage(), e);
        }
        try (Connection c = Jdbc.admin(server, database); Statement s = c.createStatement()) {
            s.execute(DATABASE_SQL);
            if (!autoExposeNewTables) {
                s.execute(DATA_API_OFF_SQL);
            }
        } catch (SQLException e) {
            throw new SupabaseKitException("Could not install the Supabase platform into " + database + ": " + e.getMessage(), e);
        }
    }

    static String load(String name) {
        try (InputStream in = Platform.class.getResourceAsStream("/io/github/authschema/testkit/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
