package io.github.authschema.verify;

import io.github.authschema.catalog.DeleteEdge;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.simulate.AccessProbes;
import io.github.authschema.simulate.SimulationResult;
import io.github.authschema.simulate.TableAccess;
import io.github.authschema.testkit.internal.cache.CacheStore;
import io.github.authschema.testkit.internal.cache.Fingerprint;
import io.github.authschema.testkit.internal.cache.Snapshot;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;
import io.github.authschema.testkit.internal.migrate.MigrationFile;
import io.github.authschema.testkit.internal.migrate.MigrationOutcome;
import io.github.authschema.testkit.internal.platform.Platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What verify keeps between builds, and the keys that decide when it may be used. The result key
 * covers every input of a verification; the snapshot chain covers what the migrated database
 * depends on, file by file, so a run with files appended starts from the state after the files it
 * shares with an earlier run. Anything not covered would let a cache hide a change, so when in
 * doubt an input goes in.
 */
final class VerifyCache {
    /** The database a snapshot holds: the verify database after its migrations, before seeds. */
    static final String SNAPSHOT_DATABASE = "authschema_snapshot";

    /** The stored entry with the access probe's answers of the last run, by {@link AccessProbes} key. */
    private static final String PROBES = "probes";

    private final CacheStore store;
    private final String resultKey;
    private final List<String> chain;
    private final String probeInputs;

    private VerifyCache(CacheStore store, String resultKey, List<String> chain, String probeInputs) {
        this.store = store;
        this.resultKey = resultKey;
        this.chain = chain;
        this.probeInputs = probeInputs;
    }

    /**
     * {@code database} is what shapes the migrated database besides the files (engine, PostgreSQL
     * build, platform settings); {@code verification} what shapes the result besides that database;
     * {@code seeds} what shapes the seeded database the access probe runs on besides its schema.
     */
    static VerifyCache open(Path root, VerifyConfig config, List<MigrationFile> files, Fingerprint database, Fingerprint verification,
                            Fingerprint seeds) {
        CacheStore store = CacheStore.open(root, "verify " + config.baseDir.toAbsolutePath().normalize() + " " + config.migrationLocations());
        String base = database.add("code", Fingerprint.ofCode(Verifier.class, Platform.class)).hex();
        List<String> chain = Fingerprint.chain(base, files);
        String resultKey = verification.add("migrations", chain.isEmpty() ? base : chain.get(chain.size() - 1)).hex();
        return new VerifyCache(store, resultKey, chain, seeds.add("database", base).hex());
    }

    /** The files a project's SQL rules are read from, every one of them an input. */
    static void addTree(Fingerprint f, String label, Path dir) {
        if (!Files.isDirectory(dir)) {
            f.add(label, "<absent>");
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                f.addFile(label + "/" + dir.relativize(p), p);
            }
        } catch (IOException e) {
            f.add(label, "<unreadable: " + e.getMessage() + ">");
        }
    }

    CacheStore store() {
        return store;
    }

    /** The stored result for exactly these inputs, with {@code rules} (the same, as the rule settings are in the key). */
    Optional<Reused> reuse(List<Rule> rules) {
        Optional<byte[]> bytes = store.result(resultKey);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            Stored stored = (Stored) deserialize(bytes.get());
            return Optional.of(new Reused(stored.toResult(rules), stored.verifiedAt(), resultKey));
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            // written by another build of the plugin, or damaged: verify again
            return Optional.empty();
        }
    }

    record Reused(VerifyResult result, String verifiedAt, String key) {
    }

    void storeResult(VerifyResult result) throws IOException {
        store.saveResult(resultKey, serialize(Stored.of(result)));
    }

    private static byte[] serialize(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Only our records and the JDK's collections: a cache file is read, never trusted to name classes. */
    private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("io.github.authschema.**;java.util.**;java.lang.*;maxdepth=40;!*"));
            return in.readObject();
        }
    }

    /** The probe's answers of the last run, to be reused for tables whose key did not change; none when unreadable. */
    AccessProbes.Reuse probeReuse() {
        Map<String, TableAccess> known = new HashMap<>();
        store.result(PROBES).ifPresent(bytes -> {
            try {
                known.putAll(((StoredProbes) deserialize(bytes)).byKey());
            } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
                // written by another build of the plugin, or damaged: probe every table
            }
        });
        return new AccessProbes.Reuse(probeInputs, known);
    }

    void storeProbes(Map<String, TableAccess> byKey) throws IOException {
        store.saveResult(PROBES, serialize(new StoredProbes(new HashMap<>(byKey))));
    }

    private record StoredProbes(HashMap<String, TableAccess> byKey) implements Serializable {
    }

    /** The stored database state after the longest prefix of these migrations that a run has stored. */
    Optional<Snapshot> snapshot() {
        return store.longestPrefix(chain);
    }

    /**
     * Stores the stopped data directory as the state after all the migrations, through {@code writer}
     * (which may hold parts copied ahead); {@code outcomes} say what each took.
     */
    long saveSnapshot(CacheStore.SnapshotWriter writer, Path dataDirectory, List<MigrationOutcome> outcomes) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("database", SNAPSHOT_DATABASE);
        for (int i = 0; i < outcomes.size(); i++) {
            meta.put("millis." + i, String.valueOf(outcomes.get(i).millis()));
        }
        writer.archive(dataDirectory);
        return writer.publish(chain.get(chain.size() - 1), chain.size(), meta, false);
    }

    /** Outcomes of a run that started from {@code snapshot}: the files it already held count as applied, with their stored times. */
    static List<MigrationOutcome> withSnapshot(List<MigrationOutcome> outcomes, Snapshot snapshot) {
        List<MigrationOutcome> out = new ArrayList<>(outcomes);
        for (int i = 0; i < Math.min(snapshot.migrations(), out.size()); i++) {
            long millis = Long.parseLong(snapshot.meta().getOrDefault("millis." + i, "0"));
            out.set(i, new MigrationOutcome(out.get(i).file(), MigrationOutcome.Status.APPLIED, millis));
        }
        return out;
    }

    /** A {@link VerifyResult} without its rules, which are code, not data. */
    private record Stored(List<MigrationOutcome> migrations, List<MigrationFailure> migrationFailures, List<SimulationResult> simulations,
                          List<TableAccess> access, List<Finding> findings, List<DeleteEdge> deleteGraph, Map<String, Long> phaseMillis,
                          long totalMillis, String engineDescription, SortedSet<String> schema, String verifiedAt) implements Serializable {

        static Stored of(VerifyResult r) {
            return new Stored(new ArrayList<>(r.migrations()), new ArrayList<>(r.migrationFailures()), new ArrayList<>(r.simulations()),
                    new ArrayList<>(r.access()), new ArrayList<>(r.findings()), new ArrayList<>(r.deleteGraph()),
                    new LinkedHashMap<>(r.phaseMillis()), r.totalMillis(), r.engineDescription(), new TreeSet<>(r.schema()),
                    Instant.now().toString());
        }

        VerifyResult toResult(List<Rule> rules) {
            return new VerifyResult(migrations, migrationFailures, simulations, access, findings, rules, deleteGraph, phaseMillis,
                    totalMillis, engineDescription, schema);
        }
    }
}
