package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.SupabaseKitException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens connections with bounded timeouts, and names host and port (never a password) on failure. */
public final class Jdbc {
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private Jdbc() {
    }

    public static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 2));
        props.setProperty("ApplicationName", "authschema");
        return DriverManager.getConnection(url, props);
    }

    public static Connection admin(PostgresServer server, String database) {
        try {
            return connect(server.jdbcUrl(database), server.adminUser(), server.adminPassword());
        } catch (SQLException e) {
            throw new SupabaseKitException("Cannot connect to database " + database + " on " + server.describe()
                    + ": " + e.getMessage() + ". Check that the server is running and the credentials are right.", e);
        }
    }

    /**
     * A connection whose privileges are those of {@code role}, with the role's own settings (such as
     * supabase_auth_admin's search_path). On a cluster the kit owns, it logs in as the role itself;
     * on an external server, where it knows only the admin's password, it logs in as admin and
     * switches with SET ROLE, which gives the same privilege checks.
     */
    public static Connection as(PostgresServer server, String database, String role) {
        if (server.trustsRoleLogins()) {
            try {
                return connect(server.jdbcUrl(database), role, "");
            } catch (SQLException e) {
                throw new SupabaseKitException("Cannot connect as " + role + " to " + database + " on "
                        + server.describe() + ": " + e.getMessage(), e);
            }
        }
        Connection c = admin(server, database);
        try {
            applyRoleSettings(c, role);
            try (Statement s = c.createStatement()) {
                s.execute("set role " + quoteIdent(role));
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new SupabaseKitException("Cannot act as role " + role + " on " + server.describe() + ": " + e.getMessage(), e);
        }
    }

    private static void applyRoleSettings(Connection c, String role) throws SQLException {
        String sql = "select unnest(s.setconfig) from pg_db_role_setting s join pg_roles r on r.oid = s.setrole "
                + "where r.rolname = ? and s.setdatabase = 0";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] kv = rs.getString(1).split("=", 2);
                    try (PreparedStatement set = c.prepareStatement("select set_config(?, ?, false)")) {
                        set.setString(1, kv[0]);
                        set.setString(2, kv[1]);
                        set.execute();
                    }
                }
            }
        }
    }

    /**
     * Drops a database the kit created, ending its sessions. Best effort: the server may already be
     * gone, and an embedded one takes its data with it.
     */
    public static void dropDatabase(PostgresServer server, String database) {
        try (Connection c = admin(server, "postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + quoteIdent(database) + " with (force)");
        } catch (SQLException | RuntimeException ignored) {
            // nothing to drop on a server that is gone
        }
    }

    /**
     * Creates {@code database}, owned by postgres, as a file copy of {@code template}: on a test
     * server a checkpoint and a copy are cheaper than WAL-logging every block.
     */
    public static void cloneDatabase(PostgresServer server, String template, String database) {
        try (Connection c = admin(server, "postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + quoteIdent(database) + " template " + quoteIdent(template) + " owner postgres"
                    + (server.majorVersion() >= 15 ? " strategy file_copy" : ""));
        } catch (SQLException e) {
            throw new SupabaseKitException("Could not create a database from template " + template + " on "
                    + server.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Quotes an identifier the way PostgreSQL's quote_ident does. */
    public static String quoteIdent(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort: the connection or server may already be gone
            }
        }
    }
}
