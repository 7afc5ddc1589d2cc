package io.github.authschema.testkit;

import io.github.authschema.testkit.internal.cache.CacheStore;
import io.github.authschema.testkit.internal.cache.Fingerprint;
import io.github.authschema.testkit.internal.cache.Snapshot;
import io.github.authschema.testkit.internal.engine.EmbeddedServer;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresServer;
import io.github.authschema.testkit.internal.engine.RoleDataSource;
import io.github.authschema.testkit.internal.engine.SharedServers;
import io.github.authschema.testkit.internal.migrate.MigrationFile;
import io.github.authschema.testkit.internal.migrate.MigrationListener;
import io.github.authschema.testkit.internal.migrate.MigrationRun;
import io.github.authschema.testkit.internal.migrate.MigrationRunner;
import io.github.authschema.testkit.internal.migrate.MigrationSet;
import io.github.authschema.testkit.internal.migrate.Seeds;
import io.github.authschema.testkit.internal.platform.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The migrated template from the cache: a new JVM whose migrations and seeds are unchanged starts
 * a server on a copy of the stored data directory instead of applying them; with migrations
 * appended it starts from the stored state and applies only the new ones, then stores the result.
 * Forked test JVMs take the project's build lock, so one of them builds and the others start from
 * what it stored.
 */
final class TemplateSnapshots {
    /** The platform and the migrations, no seeds: what appended migrations are applied to. */
    static final String MIGRATED = "authschema_migrated";
    /** {@link #MIGRATED} with the seeds, when there are seeds. */
    static final String SEEDED = "authschema_seeded";

    private final CacheStore store;
    private final List<String> chain;
    private final String seedsKey;
    private final int major;
    private final Path binariesJar;

    /**
     * Where the template came from: the stored one as it was; a stored one with migrations appended
     * or other seeds applied, then stored; or built from the platform up, then stored.
     */
    enum Start { STORED, EXTENDED, BUILT }

    /** {@code database} is what each test's template is cloned from. */
    record Template(PostgresServer server, String database, Start start) {
    }

    TemplateSnapshots(Path root, Path baseDir, List<String> locations, MigrationSet set, List<MigrationFile> seeds, int major,
                      Path binariesJar, boolean expose, Duration statementTimeout) {
        this.store = CacheStore.open(root, "testkit " + baseDir.toAbsolutePath().normalize() + " " + locations);
        String base = Fingerprint.of("testkit-database").add("code", Fingerprint.ofCode(Platform.class)).add("major", major)
                .add("binaries", binariesJar == null ? "bundled" : binariesJar.getFileName()).add("expose", expose)
                .add("statementTimeout", statementTimeout).hex();
        this.chain = Fingerprint.chain(base, set.files());
        Fingerprint seedsKey = Fingerprint.of("seeds");
        seeds.forEach(s -> seedsKey.add(s.displayPath(), s.sql()));
        this.seedsKey = seedsKey.hex();
        this.major = major;
        this.binariesJar = binariesJar;
    }

    /**
     * A server holding the migrated and seeded template, shared per JVM. Throws {@link MigrationException} when a
     * migration or seed fails, as a run without the cache does.
     */
    Template server(MigrationSet set, List<MigrationFile> seeds, boolean expose, MigrationRunner runner, MigrationListener listener) {
        try (CacheStore.Lock lock = store.lock("testkit")) {
            Optional<Snapshot> stored = store.longestPrefix(chain);
            if (stored.isPresent() && stored.get().migrations() == set.files().size() && seedsKey.equals(stored.get().meta().get("seeds"))) {
                Optional<PostgresServer> server = startShared(stored.get());
                if (server.isPresent()) {
                    return new Template(server.get(), template(seeds), Start.STORED);
                }
                stored = Optional.empty();
            }
            return build(stored, set, seeds, expose, runner, listener, lock);
        }
    }

    private Optional<PostgresServer> startShared(Snapshot snapshot) {
        try {
            return Optional.of(SharedServers.get(sharedKey(snapshot.chainHash()), () -> {
                try {
                    return EmbeddedServer.startFrom(major, binariesJar, snapshot);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException evictedWhileCopied) {
            return Optional.empty();
        }
    }

    private Template build(Optional<Snapshot> from, MigrationSet set, List<MigrationFile> seeds, boolean expose, MigrationRunner runner,
                           MigrationListener listener, CacheStore.Lock lock) {
        EmbeddedServer server = null;
        if (from.isPresent()) {
            try {
                server = EmbeddedServer.startFrom(major, binariesJar, from.get());
            } catch (IOException evictedWhileCopied) {
                from = Optional.empty();
            }
        }
        if (server == null) {
            server = EmbeddedServer.start(major, binariesJar);
            Platform.createDatabase(server, MIGRATED, expose);
        }
        try {
            RoleDataSource migrated = new RoleDataSource(server, MIGRATED, "postgres");
            // Flyway's history in the stored database: only the files after it are applied
            MigrationRun run = runner.apply(migrated, set, listener);
            run.orThrow();
            Jdbc.dropDatabase(server, SEEDED);
            if (!seeds.isEmpty()) {
                // without seeds the migrated database is the template itself: one copy less to store
                Jdbc.cloneDatabase(server, MIGRATED, SEEDED);
                run.withFailure(Seeds.apply(new RoleDataSource(server, SEEDED, "postgres"), seeds)).orThrow();
            }
            EmbeddedServer building = server;
            server = null;
            boolean replace = from.map(s -> s.migrations() == set.files().size()).orElse(false);
            // nobody connects to these once the server serves tests: the stored databases are only cloned
            // from, which reads their files; template0 takes no connections, and every database the kit
            // creates on this server comes from a stored one
            Set<Path> databases = building.databaseDirectories(MIGRATED, template(seeds), "template0", "template1");
            CacheStore.SnapshotWriter writer = store.snapshotWriter();
            boolean[] archived = {false};
            EmbeddedServer restarted;
            try {
                restarted = building.restartKeeping(data -> {
                    try {
                        writer.archiveWhileRestarting(data, databases, data.resolveSibling(data.getFileName() + "-rest"));
                        archived[0] = true;
                    } catch (IOException | RuntimeException e) {
                        notStored(listener, e);
                    }
                });
            } catch (IOException | RuntimeException e) {
                writer.close();
                throw e;
            }
            if (archived[0]) {
                // the next JVM waits for the lock until the entry is published, then starts from it
                CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                    try (writer) {
                        writer.publish(chain.get(chain.size() - 1), chain.size(), Map.of("seeds", seedsKey), replace);
                    } catch (IOException | RuntimeException e) {
                        notStored(listener, e);
                    }
                }, task -> {
                    Thread thread = new Thread(task, "authschema-store-template");
                    thread.setDaemon(true);
                    thread.start();
                });
                restarted.readingData(publishing);
                lock.releaseAfter(publishing);
            } else {
                writer.close();
            }
            PostgresServer shared = SharedServers.get(sharedKey(chain.get(chain.size() - 1)), () -> restarted);
            if (shared != restarted) {
                restarted.close();
            }
            return new Template(shared, template(seeds), from.isPresent() ? Start.EXTENDED : Start.BUILT);
        } catch (IOException e) {
            throw new SupabaseKitException("The embedded server did not restart after its data directory was stored: " + e.getMessage(), e);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private void notStored(MigrationListener listener, Exception e) {
        // the tests run all the same; the next JVM migrates again
        listener.warning("the migrated template could not be stored in the cache " + store.directory() + " ("
                + e + "); set -D" + CacheStore.DIRECTORY_PROPERTY + " to a writable directory, or -D"
                + CacheStore.ENABLED_PROPERTY + "=false");
    }

    /** One running server per stored snapshot and seeds, per JVM. */
    private String sharedKey(String chainHash) {
        return "snapshot " + chainHash + " " + seedsKey;
    }

    private static String template(List<MigrationFile> seeds) {
        return seeds.isEmpty() ? MIGRATED : SEEDED;
    }
}
