package io.github.authschema.testkit.internal.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One project's corner of the cache: {@code <root>/<project digest>/} with stored results and
 * snapshots. Entries are written under a temporary name and renamed into place, so a reader sees a
 * whole entry or none; two builds at once (mvn -T, two checkouts, forked test JVMs) each stay
 * correct, and {@link #lock} lets them agree on who builds a snapshot. Each kind keeps a
 * bounded number of entries, the least recently used dropped first.
 */
public final class CacheStore {
    /** The system property that turns the cache off ({@code -Dauthschema.cache=false}). */
    public static final String ENABLED_PROPERTY = "authschema.cache";
    /** The system property that moves the cache. */
    public static final String DIRECTORY_PROPERTY = "authschema.cacheDirectory";
    public static final int SNAPSHOTS_KEPT = 2;
    public static final int RESULTS_KEPT = 5;

    /** A snapshot's data directory is stored as {@code data.zip}, plus {@code data-N.zip} for each part stored ahead. */
    static final String DATA = "data";
    /** Parts per database directory stored ahead: a large database is most of a snapshot. */
    private static final int SLICES = 2;
    static final String FILES = "files";
    static final String BYTES = "bytes";
    private static final String META = "snapshot.properties";
    private static final String MIGRATIONS = "migrations";
    private static final Map<Path, Semaphore> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path dir;

    private CacheStore(Path dir) {
        this.dir = dir;
    }

    /**
     * The store of one project: {@code project} is what identifies it (its directory, its migration
     * locations, the goal), hashed into the directory name and written beside it for people.
     */
    public static CacheStore open(Path root, String project) {
        Path dir = root.resolve(Fingerprint.of("project").add("project", project).hex().substring(0, 16));
        try {
            Files.createDirectories(dir.resolve("snapshots"));
            Files.createDirectories(dir.resolve("results"));
            Path about = dir.resolve("project.txt");
            if (!Files.exists(about)) {
                Files.writeString(about, project + System.lineSeparator());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the cache directory " + dir, e);
        }
        return new CacheStore(dir);
    }

    /** Where the cache is: {@code -Dauthschema.cacheDirectory}, else ~/.m2/authschema-cache, beside the local Maven repository. */
    public static Path defaultRoot() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "authschema-cache");
    }

    public static boolean enabledBySystemProperty() {
        return !"false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY, "true").trim());
    }

    public Path directory() {
        return dir;
    }

    /** The stored snapshot for the longest prefix of {@code chain} (see {@link Fingerprint#chain}), if any. */
    public Optional<Snapshot> longestPrefix(List<String> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Path entry = dir.resolve("snapshots").resolve(chain.get(i));
            Path meta = entry.resolve(META);
            if (Files.isRegularFile(meta)) {
                try {
                    Map<String, String> values = read(meta);
                    if (Integer.parseInt(values.getOrDefault(MIGRATIONS, "-1")) == i + 1) {
                        Files.setLastModifiedTime(meta, FileTime.from(Instant.now()));
                        return Optional.of(new Snapshot(entry, chain.get(i), i + 1, values));
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // evicted meanwhile, or written by another version: look for a shorter prefix
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Stores a stopped server's data directory as the state after {@code migrations} files of a chain
     * ending in {@code chainHash}, with {@code meta} beside it. Returns the entry's size in bytes.
     */
    public long saveSnapshot(String chainHash, int migrations, Path dataDirectory, Map<String, String> meta) throws IOException {
        return saveSnapshot(chainHash, migrations, dataDirectory, meta, false);
    }

    /**
     * As {@link #saveSnapshot(String, int, Path, Map)}; with {@code replace}, an entry already stored
     * for the chain is replaced (its meta said something else, such as other seeds).
     */
    public long saveSnapshot(String chainHash, int migrations, Path dataDirectory, Map<String, String> meta, boolean replace)
            throws IOException {
        try (SnapshotWriter writer = snapshotWriter()) {
            writer.archive(dataDirectory);
            return writer.publish(chainHash, migrations, meta, replace);
        }
    }

    /** A snapshot to be written in two steps; see {@link SnapshotWriter}. */
    public SnapshotWriter snapshotWriter() {
        return new SnapshotWriter(dir.resolve("snapshots").resolve(".tmp-" + UUID.randomUUID()));
    }

    /**
     * Writes one snapshot. A database directory no session writes to (a copy nobody connects to, or
     * a template only cloned from) may be copied on the writer's thread while the server runs and the
     * caller goes on; {@link #archive} or {@link #archiveWhileRestarting} copies the rest from the stopped
     * server, and {@link #publish} waits for every part and makes the entry visible. Closing an
     * unpublished writer removes what it wrote.
     */
    public final class SnapshotWriter implements AutoCloseable {
        private final Path tmp;
        private final Set<Path> ahead = new LinkedHashSet<>();
        private final List<FutureTask<DataDirectories.Copied>> parts = new ArrayList<>();
        private final ExecutorService writing = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "authschema-snapshot");
            thread.setDaemon(true);
            return thread;
        });
        private boolean rest;

        private SnapshotWriter(Path tmp) {
            this.tmp = tmp;
        }

        /**
         * Starts storing {@code relative} of the running server's {@code dataDirectory} beside the caller,
         * in two parts, which {@link Snapshot#copyDataTo} reads back in parallel.
         */
        public void copyAhead(Path dataDirectory, Path relative) {
            ahead.add(relative);
            for (int slice = 0; slice < SLICES; slice++) {
                Path part = tmp.resolve(DATA + "-" + (parts.size() + 1) + ".zip");
                int s = slice;
                inBackground(() -> DataDirectories.archive(dataDirectory, relative, part, Set.of(), s, SLICES));
            }
        }

        /** Stores what is not copied ahead from the stopped server's data directory, before returning. */
        public void archive(Path dataDirectory) throws IOException {
            Files.createDirectories(tmp);
            FutureTask<DataDirectories.Copied> part = new FutureTask<>(
                    () -> DataDirectories.archive(dataDirectory, Path.of(""), tmp.resolve(DATA + ".zip"), ahead));
            parts.add(part);
            rest = true;
            part.run();
            await(part);
        }

        /**
         * For a stopped server that starts again on {@code dataDirectory} once this returns: copies all
         * but {@code databases} (paths under it that no session will write to) to {@code staging}, on the
         * same file system, which costs less than archiving them; then stores the databases from the
         * data directory and the rest from staging, beside the caller.
         */
        public void archiveWhileRestarting(Path dataDirectory, Set<Path> databases, Path staging) throws IOException {
            DataDirectories.copy(dataDirectory, staging, databases);
            rest = true;
            inBackground(() -> {
                try {
                    return DataDirectories.archive(staging, Path.of(""), tmp.resolve(DATA + ".zip"), Set.of());
                } finally {
                    DataDirectories.delete(staging);
                }
            });
            databases.forEach(d -> copyAhead(dataDirectory, d));
        }

        /**
         * Queues a part for the writer's one thread: the caller's work (the catalog, the probe, the first
         * tests) keeps the processors, and the parts are stored one after another beside it.
         */
        private void inBackground(Callable<DataDirectories.Copied> archive) {
            FutureTask<DataDirectories.Copied> part = new FutureTask<>(() -> {
                Files.createDirectories(tmp);
                return archive.call();
            });
            parts.add(part);
            writing.execute(part);
        }

        /** Waits for every part and publishes the entry; returns its bytes. */
        public long publish(String chainHash, int migrations, Map<String, String> meta, boolean replace) throws IOException {
            if (!rest) {
                throw new IllegalStateException("archive or archiveWhileRestarting comes before publish");
            }
            Path snapshots = dir.resolve("snapshots");
            DataDirectories.Copied copied = new DataDirectories.Copied(0, 0);
            for (FutureTask<DataDirectories.Copied> part : parts) {
                copied = copied.plus(await(part));
            }
            Map<String, String> all = new LinkedHashMap<>(meta);
            all.put(MIGRATIONS, String.valueOf(migrations));
            all.put(FILES, String.valueOf(copied.files()));
            all.put(BYTES, String.valueOf(copied.bytes()));
            all.put("created", Instant.now().toString());
            write(tmp.resolve(META), all);
            if (replace) {
                retire(snapshots.resolve(chainHash));
            }
            CacheStore.publish(tmp, snapshots.resolve(chainHash));
            evict(snapshots, SNAPSHOTS_KEPT);
            return copied.bytes();
        }

        @Override
        public void close() {
            for (FutureTask<DataDirectories.Copied> part : parts) {
                try {
                    await(part);
                } catch (IOException failed) {
                    // removed below with the rest
                }
            }
            writing.shutdown();
            DataDirectories.delete(tmp);
        }

        private static DataDirectories.Copied await(FutureTask<DataDirectories.Copied> part) throws IOException {
            try {
                return part.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while storing a snapshot");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    public Optional<byte[]> result(String key) {
        Path file = dir.resolve("results").resolve(key);
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return Optional.of(bytes);
        } catch (IOException absent) {
            return Optional.empty();
        }
    }

    public void saveResult(String key, byte[] bytes) throws IOException {
        Path results = dir.resolve("results");
        Path tmp = results.resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.write(tmp, bytes);
            publish(tmp, results.resolve(key));
            evict(results, RESULTS_KEPT);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Takes this project's lock named {@code name}, across threads and processes: a second JVM that
     * wants the same snapshot waits for the first to store it, then finds it, instead of building it
     * again. Released on close, or, once {@link Lock#releaseAfter} is called, when that work ends.
     */
    public Lock lock(String name) {
        Path lockFile = dir.resolve(name + ".lock");
        Semaphore inJvm = JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new Semaphore(1));
        inJvm.acquireUninterruptibly();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
        } catch (IOException e) {
            // a file system without locks: go on unlocked; entries are still published atomically
        }
        return new Lock(inJvm, channel);
    }

    /** A held {@link #lock}; unlike a monitor, the thread that finishes the work may release it. */
    public static final class Lock implements AutoCloseable {
        private final Semaphore inJvm;
        private final FileChannel channel;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile boolean handedOver;

        private Lock(Semaphore inJvm, FileChannel channel) {
            this.inJvm = inJvm;
            this.channel = channel;
        }

        /** Keeps the lock until {@code work} completes, on whichever thread completes it. */
        public void releaseAfter(CompletableFuture<?> work) {
            handedOver = true;
            work.whenComplete((ignored, failure) -> release());
        }

        @Override
        public void close() {
            if (!handedOver) {
                release();
            }
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                try {
                    if (channel != null) {
                        channel.close(); // releases the file lock
                    }
                } catch (IOException ignored) {
                    // the lock goes with the channel either way
                } finally {
                    inJvm.release();
                }
            }
        }
    }

    /** Bytes the whole cache takes under {@code root}. */
    public static long diskBytes(Path root) {
        return DataDirectories.size(root);
    }

    /** Empties the cache under {@code root}; returns the bytes it held. */
    public static long clean(Path root) {
        long bytes = diskBytes(root);
        if (Files.isDirectory(root)) {
            try (Stream<Path> projects = Files.list(root)) {
                projects.forEach(DataDirectories::delete);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot empty the cache directory " + root, e);
            }
        }
        return bytes;
    }

    private static void publish(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The cache directory must allow atomic renames: " + tmp.getParent(), e);
        } catch (IOException e) {
            // the same inputs give the same entry: one another build published meanwhile serves
            if (!Files.exists(target)) {
                throw e;
            }
        }
    }

    private static void evict(Path dir, int keep) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> {
                String name = p.getFileName().toString();
                if (!name.startsWith(".")) {
                    entries.add(p);
                } else if (name.startsWith(".tmp-") && age(p) > 3_600_000) {
                    DataDirectories.delete(p); // left by a build that was killed
                }
            });
        }
        entries.sort(Comparator.comparingLong(CacheStore::lastUsed).reversed());
        for (Path old : entries.subList(Math.min(keep, entries.size()), entries.size())) {
            retire(old);
        }
    }

    /** Renamed first, then deleted: a reader sees the whole entry or none. */
    private static void retire(Path entry) {
        Path trash = entry.resolveSibling(".tmp-evicted-" + UUID.randomUUID());
        try {
            Files.move(entry, trash, StandardCopyOption.ATOMIC_MOVE);
            DataDirectories.delete(trash);
        } catch (IOException goneAlready) {
            // another build retired it, or it never existed
        }
    }

    private static long lastUsed(Path entry) {
        Path meta = entry.resolve(META);
        return (Files.isRegularFile(meta) ? meta : entry).toFile().lastModified();
    }

    private static long age(Path p) {
        return System.currentTimeMillis() - p.toFile().lastModified();
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static void write(Path file, Map<String, String> values) throws IOException {
        Properties p = new Properties();
        values.forEach(p::setProperty);
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "authschema snapshot");
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
