package io.github.authschema.testkit.internal.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's file handling: whole entries or none, bounded, and safe when builds overlap. */
class CacheStoreTest {
    @TempDir
    Path root;
    @TempDir
    Path data;

    private void dataDirectory(String content) throws IOException {
        Files.createDirectories(data.resolve("base/5"));
        Files.writeString(data.resolve("base/5/1259"), content);
        Files.writeString(data.resolve("PG_VERSION"), "17\n");
        Files.writeString(data.resolve("postmaster.opts"), "belongs to the stopped process");
        Files.writeString(data.resolve("base/5/pg_internal.init"), "removed by the next server start");
    }

    @Test
    void theLongestStoredPrefixIsFoundAndCopiedWhole() throws IOException {
        dataDirectory("after two");
        CacheStore store = CacheStore.open(root, "project a");
        store.saveSnapshot("h2", 2, data, Map.of("k", "v"));
        Snapshot found = store.longestPrefix(List.of("h1", "h2", "h3")).orElseThrow();
        assertEquals(2, found.migrations());
        assertEquals("v", found.meta().get("k"));
        Path copy = root.resolve("copy");
        found.copyDataTo(copy);
        assertEquals("after two", Files.readString(copy.resolve("base/5/1259")));
        assertTrue(Files.notExists(copy.resolve("postmaster.opts")), "runtime files stay behind");
        assertTrue(Files.notExists(copy.resolve("base/5/pg_internal.init")), "so does the relation cache's init file");
        assertTrue(store.longestPrefix(List.of("x1", "x2")).isEmpty(), "another chain finds nothing");
    }

    @Test
    void aDirectoryCopiedAheadIsPartOfTheEntryAndAnUnpublishedWriterLeavesNothing() throws IOException {
        dataDirectory("catalog");
        Files.createDirectories(data.resolve("base/16384"));
        Files.writeString(data.resolve("base/16384/1259"), "the snapshot database");
        Files.writeString(data.resolve("base/16384/2619"), "its statistics");
        Files.writeString(data.resolve("base/16384/2619_fsm"), "their free space");
        CacheStore store = CacheStore.open(root, "project a");
        try (CacheStore.SnapshotWriter writer = store.snapshotWriter()) {
            writer.copyAhead(data, Path.of("base", "16384"));
            writer.archive(data);
            writer.publish("h1", 1, Map.of(), false);
        }
        Snapshot stored = store.longestPrefix(List.of("h1")).orElseThrow();
        assertEquals("5", stored.meta().get(CacheStore.FILES), "PG_VERSION, base/5/1259 and the three of base/16384");
        try (Stream<Path> zips = Files.list(stored.directory()).filter(p -> p.toString().endsWith(".zip"))) {
            assertEquals(3, zips.count(), "the rest, and the database copied ahead in two parts");
        }
        Path copy = root.resolve("copy");
        stored.copyDataTo(copy);
        assertEquals("the snapshot database", Files.readString(copy.resolve("base/16384/1259")));
        assertEquals("its statistics", Files.readString(copy.resolve("base/16384/2619")));
        assertEquals("their free space", Files.readString(copy.resolve("base/16384/2619_fsm")));
        assertEquals("catalog", Files.readString(copy.resolve("base/5/1259")));

        try (CacheStore.SnapshotWriter abandoned = store.snapshotWriter()) {
            abandoned.copyAhead(data, Path.of("base", "16384"));
        }
        try (Stream<Path> entries = Files.list(store.directory().resolve("snapshots"))) {
            assertEquals(List.of("h1"), entries.map(p -> p.getFileName().toString()).toList(), "a writer closed unpublished removes its copy");
        }
    }

    @Test
    void aSnapshotThatLosesFilesWhileCopiedFailsInsteadOfStartingHalf() throws IOException {
        dataDirectory("x");
        CacheStore store = CacheStore.open(root, "project a");
        store.saveSnapshot("h1", 1, data, Map.of());
        Snapshot found = store.longestPrefix(List.of("h1")).orElseThrow();
        Files.delete(found.directory().resolve("data.zip"));
        assertThrows(IOException.class, () -> found.copyDataTo(root.resolve("copy")));
    }

    @Test
    void onlyTheMostRecentlyUsedEntriesAreKept() throws Exception {
        dataDirectory("x");
        CacheStore store = CacheStore.open(root, "project a");
        for (int i = 0; i < 4; i++) {
            store.saveSnapshot("h" + i, 1, data, Map.of());
            store.saveResult("r" + i, new byte[] {(byte) i});
            Thread.sleep(20); // distinct modification times
        }
        try (Stream<Path> snapshots = Files.list(store.directory().resolve("snapshots"))) {
            assertEquals(List.of("h2", "h3"), snapshots.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(new byte[] {3}, store.result("r3").orElseThrow());
        assertTrue(store.result("r0").isPresent(), "five results are kept");
    }

    @Test
    void buildsThatStoreTheSameEntryAtOnceLeaveOneWholeEntry() throws Exception {
        dataDirectory("same");
        CacheStore store = CacheStore.open(root, "project a");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> saves = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            saves.add(pool.submit(() -> store.saveSnapshot("h1", 1, data, Map.of())));
        }
        for (Future<Long> f : saves) {
            f.get();
        }
        pool.shutdown();
        try (Stream<Path> left = Files.list(store.directory().resolve("snapshots"))) {
            assertEquals(List.of("h1"), left.map(p -> p.getFileName().toString()).toList(), "no temporary entries left");
        }
        store.longestPrefix(List.of("h1")).orElseThrow().copyDataTo(root.resolve("copy"));
    }

    @Test
    void cleanEmptiesEveryProject() throws IOException {
        dataDirectory("x");
        CacheStore.open(root, "project a").saveSnapshot("h1", 1, data, Map.of());
        CacheStore.open(root, "project b").saveResult("r", new byte[10]);
        assertTrue(CacheStore.clean(root) > 0);
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aLockHandedToUnfinishedWorkIsHeldUntilThatWorkEndsOnAnotherThread() throws Exception {
        CacheStore store = CacheStore.open(root, "project a");
        CompletableFuture<Void> storing = new CompletableFuture<>();
        try (CacheStore.Lock lock = store.lock("testkit")) {
            lock.releaseAfter(storing);
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> second = other.submit(() -> {
                try (CacheStore.Lock ignored = store.lock("testkit")) {
                    return true;
                }
            });
            assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS),
                    "closing the lock handed over does not release it");
            storing.complete(null);
            assertTrue(second.get(10, TimeUnit.SECONDS), "the work's end releases it");
        } finally {
            other.shutdownNow();
        }
    }
}
