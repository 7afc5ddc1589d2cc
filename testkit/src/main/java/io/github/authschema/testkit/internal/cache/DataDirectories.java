package io.github.authschema.testkit.internal.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Copying and removing PostgreSQL data directories. */
public final class DataDirectories {
    /** Files a stopped server leaves that belong to the process that ran it, not to the data. */
    private static final Set<String> RUNTIME_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    /**
     * The relation cache's init files (and their temporary names): written by a backend's first
     * connection, removed by every server start, so a restarted server may delete them under a copy.
     */
    private static final String RELCACHE_INIT = "pg_internal.init";

    private DataDirectories() {
    }

    public record Copied(long files, long bytes) {
        Copied plus(Copied other) {
            return new Copied(files + other.files, bytes + other.bytes);
        }
    }

    /**
     * Writes the files under {@code subtree} of {@code root} (the empty path: all of it), less the
     * subdirectories {@code skipped} and the stopped server's runtime files, into one uncompressed zip,
     * named by their path under {@code root}. A cluster is thousands of small files: on a disk, creating
     * each costs more than its bytes, so the cache holds one file per part instead.
     */
    public static Copied archive(Path root, Path subtree, Path zip, Set<Path> skipped) throws IOException {
        return archive(root, subtree, zip, skipped, 0, 1);
    }

    /**
     * As {@link #archive(Path, Path, Path, Set)}, with one file in {@code slices}, from the {@code slice}th
     * (0-based) in name order, and the directories in slice 0: parts of one directory that are written,
     * and read back, on threads of their own.
     */
    public static Copied archive(Path root, Path subtree, Path zip, Set<Path> skipped, int slice, int slices) throws IOException {
        long files = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        int index = 0;
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            out.setMethod(ZipOutputStream.STORED);
            for (Path p : walk(root.resolve(subtree.toString()))) {
                Path relative = root.relativize(p);
                if (!stored(p, relative, skipped)) {
                    continue;
                }
                boolean directory = Files.isDirectory(p);
                if (directory ? slice != 0 : index++ % slices != slice) {
                    continue;
                }
                ZipEntry entry = new ZipEntry(relative + (directory ? "/" : ""));
                CRC32 crc = new CRC32();
                long size = 0;
                if (!directory) {
                    try (InputStream in = Files.newInputStream(p)) {
                        for (int n; (n = in.read(buffer)) > 0; size += n) {
                            crc.update(buffer, 0, n);
                        }
                    }
                }
                // STORED: size and checksum go in front of the bytes
                entry.setSize(size);
                entry.setCompressedSize(size);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                if (!directory) {
                    long written = Files.copy(p, out);
                    if (written != size) {
                        throw new IOException(p + " changed while it was stored");
                    }
                    files++;
                    bytes += size;
                }
                out.closeEntry();
            }
        }
        return new Copied(files, bytes);
    }

    /** Copies {@code root} to {@code to} as {@link #archive} would store it: less {@code skipped} and the runtime files. */
    public static void copy(Path root, Path to, Set<Path> skipped) throws IOException {
        Files.createDirectories(to);
        for (Path p : walk(root)) {
            Path relative = root.relativize(p);
            if (stored(p, relative, skipped)) {
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /**
     * Every directory and file under {@code start}. A running server removes the relation cache's
     * init files when it starts; one listed and gone by the time it is looked at is not an error.
     */
    private static List<Path> walk(Path start) throws IOException {
        List<Path> paths = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                paths.add(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                paths.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException && file.getFileName().toString().startsWith(RELCACHE_INIT)) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        // the order slices are counted in, the same for every walk of the same files
        Collections.sort(paths);
        return paths;
    }

    private static boolean stored(Path p, Path relative, Set<Path> skipped) {
        String name = p.getFileName().toString();
        return !relative.toString().isEmpty() && skipped.stream().noneMatch(relative::startsWith)
                && !RUNTIME_FILES.contains(name) && !name.startsWith(RELCACHE_INIT);
    }

    /** Writes what {@link #archive} stored in {@code zip} under {@code to}. */
    public static Copied extract(Path zip, Path to) throws IOException {
        long files = 0;
        long bytes = 0;
        Path base = to.toAbsolutePath().normalize();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(z.entries())) {
                Path target = base.resolve(entry.getName()).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException(zip + " names a file outside the data directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(entry)) {
                    bytes += Files.copy(in, target);
                }
                files++;
            }
        }
        return new Copied(files, bytes);
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
