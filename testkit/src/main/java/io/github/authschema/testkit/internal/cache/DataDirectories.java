package io.github.authschema.testkit.internal.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.stream.Stream;

/** Copying and removing PostgreSQL data directories. */
public final class DataDirectories {
    /** Files a stopped server leaves that belong to the process that ran it, not to the data. */
    private static final Set<String> RUNTIME_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private DataDirectories() {
    }

    public record Copied(long files, long bytes) {
    }

    public static Copied copy(Path from, Path to) throws IOException {
        long[] counts = new long[2];
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!RUNTIME_FILES.contains(p.getFileName().toString())) {
                    Files.copy(p, target);
                    counts[0]++;
                    counts[1] += Files.size(target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Copied(counts[0], counts[1]);
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
