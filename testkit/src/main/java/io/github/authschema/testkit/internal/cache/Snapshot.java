package io.github.authschema.testkit.internal.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stopped PostgreSQL data directory in the cache, holding the state after the first
 * {@code migrations} files of a chain. {@code meta} is what its writer recorded beside it.
 */
public record Snapshot(Path directory, String chainHash, int migrations, Map<String, String> meta) {

    /**
     * Copies the data directory to {@code target} and checks that every file arrived: an entry that
     * another build evicts while it is copied must fail here, not start a server with files missing.
     */
    public void copyDataTo(Path target) throws IOException {
        DataDirectories.Copied copied = new DataDirectories.Copied(0, 0);
        List<Path> parts;
        try (Stream<Path> files = Files.list(directory)) {
            parts = files.filter(p -> p.getFileName().toString().matches(CacheStore.DATA + "(-\\d+)?\\.zip")).sorted().toList();
        }
        try {
            // the parts are independent: read back side by side, as they were written
            copied = parts.parallelStream().map(part -> {
                try {
                    return DataDirectories.extract(part, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).reduce(copied, DataDirectories.Copied::plus);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (copied.files() != Long.parseLong(meta.getOrDefault(CacheStore.FILES, "-1"))
                || copied.bytes() != Long.parseLong(meta.getOrDefault(CacheStore.BYTES, "-1"))) {
            throw new IOException("snapshot " + directory + " changed while it was copied (" + copied + ")");
        }
    }
}
