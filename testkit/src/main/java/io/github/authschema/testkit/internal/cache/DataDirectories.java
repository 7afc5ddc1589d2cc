package io.github.authschema.testkit.internal.cache;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Copying and removing PostgreSQL data directories. */
public final class DataDirectories {
    /** Files a stopped server leaves that belong to the process that ran it, not to the data. */
    private static final Set<String> RUNTIME_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    private static final int COPY_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private DataDirectories() {
    }

    public record Copied(long files, long bytes) {
        Copied plus(Copied other) {
            return new Copied(files + other.files, bytes + other.bytes);
        }
    }

    /**
     * Copies a data directory. A cluster is thousands of small files (one per relation and fork), so
     * the cost is opening and creating files more than moving bytes: they are copied on a few threads.
     */
    public static Copied copy(Path from, Path to) throws IOException {
        return copy(from, to, Set.of());
    }

    /** As {@link #copy(Path, Path)}, leaving out the subdirectories {@code skipped} (relative to {@code from}). */
    public static Copied copy(Path from, Path to, Set<Path> skipped) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(p);
                if (skipped.stream().anyMatch(relative::startsWith)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!RUNTIME_FILES.contains(p.getFileName().toString())) {
                    files.add(p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(COPY_THREADS, r -> {
            Thread t = new Thread(r, "authschema-copy");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> copies = new ArrayList<>();
            for (int i = 0; i < COPY_THREADS; i++) {
                int first = i;
                copies.add(pool.submit(() -> {
                    for (int k = first; k < files.size(); k += COPY_THREADS) {
                        Path target = to.resolve(from.relativize(files.get(k)).toString());
                        Files.copy(files.get(k), target);
                        bytes.addAndGet(Files.size(target));
                    }
                    return null;
                }));
            }
            for (Future<?> copy : copies) {
                copy.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying " + from);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("copying " + from + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Copied(files.size(), bytes.get());
    }

    /**
     * Best effort: a directory under a temp or cache root that could not be removed is only disk.
     * Files that vanish meanwhile (a server removing its own on shutdown) are skipped, not a reason to stop.
     */
    public static void delete(Path dir) {
        for (int attempt = 0; attempt < 3 && dir != null && Files.exists(dir); attempt++) {
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) {
                        d.toFile().delete();
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | UncheckedIOException ignored) {
                // tried again below, then left for the next eviction
            }
        }
    }

    public static long size(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
