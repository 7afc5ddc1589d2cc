package io.github.authschema.bench;

import io.github.authschema.report.ReportFormat;
import io.github.authschema.report.Reports;
import io.github.authschema.testkit.Engine;
import io.github.authschema.testkit.SupabaseDatabase;
import io.github.authschema.testkit.SupabasePostgres;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.cache.CacheStore;
import io.github.authschema.testkit.internal.engine.EmbeddedServer;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresServer;
import io.github.authschema.testkit.internal.engine.RoleDataSource;
import io.github.authschema.testkit.internal.engine.ServerKey;
import io.github.authschema.testkit.internal.engine.SharedServers;
import io.github.authschema.testkit.internal.migrate.MigrationFile;
import io.github.authschema.testkit.internal.migrate.MigrationListener;
import io.github.authschema.testkit.internal.migrate.MigrationRunner;
import io.github.authschema.testkit.internal.migrate.MigrationScanner;
import io.github.authschema.testkit.internal.migrate.MigrationSet;
import io.github.authschema.testkit.internal.platform.Platform;
import io.github.authschema.verify.Verifier;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;
import io.zonky.test.db.postgres.embedded.PreparedDbProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Prints key=value figures. {@code Bench all [--quick]} runs every figure but the heap one, which
 * {@code Bench heap <tables>} measures alone in a fresh JVM.
 */
public final class Bench {
    private static final long SEED = 20261122L;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final Path work;
    private final boolean quick;

    private Bench(Path work, boolean quick) {
        this.work = work;
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("authschema-bench");
        if (args.length > 0 && args[0].equals("heap")) {
            int tables = Integer.parseInt(args[1]);
            Path dir = Workload.generate(work.resolve("w" + tables), tables, SEED);
            resetPeaks();
            verify(dir);
            System.out.println("heap_mb_" + tables + "=" + peakHeapMb());
            return;
        }
        boolean quick = List.of(args).contains("--quick");
        Bench b = new Bench(work, quick);
        if (args.length > 0 && args[0].equals("cache")) {
            // the cache figures alone, against a cold verify measured here
            Path w = Workload.generate(work.resolve("w1000"), 1000, SEED);
            verify(Workload.generate(work.resolve("w50"), 50, SEED));
            long t = System.nanoTime();
            verify(w);
            b.figures.put("verify_ms_1000", String.valueOf(ms(t)));
            b.cached(w, 1000, 1);
        } else if (args.length > 0 && args[0].equals("fresh")) {
            // the per-test database figures alone, for tuning the pool
            b.freshDatabases(Workload.generate(work.resolve("w200"), 200, SEED));
        } else {
            b.run();
        }
        b.figures.forEach((k, v) -> System.out.println(k + "=" + v));
    }

    private void run() throws Exception {
        int runs = quick ? 3 : 5;
        Map<Integer, Path> workloads = new LinkedHashMap<>();
        for (int n : List.of(50, 200, 1000)) {
            workloads.put(n, Workload.generate(work.resolve("w" + n), n, SEED));
        }
        verify(workloads.get(50)); // warm the JVM and the binaries cache, not measured
        for (int n : workloads.keySet()) {
            List<Long> verifyMs = new ArrayList<>();
            List<Long> floorMs = new ArrayList<>();
            List<Long> rulesMs = new ArrayList<>();
            List<Long> probeMs = new ArrayList<>();
            List<Double> probeShare = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                // alternate, so that drift on the machine hits both alike
                floorMs.add(floor(workloads.get(n)));
                long t = System.nanoTime();
                VerifyResult result = verify(workloads.get(n));
                verifyMs.add(ms(t));
                rulesMs.add(result.phaseMillis().get("catalog") + result.phaseMillis().get("rules"));
                long probe = result.phaseMillis().get("probe");
                probeMs.add(probe);
                probeShare.add((double) probe / (verifyMs.get(i) - probe));
                if (i == 0) {
                    figures.put("verify_phases_" + n, result.phaseMillis().toString().replace(" ", ""));
                    figures.put("verify_findings_" + n, String.valueOf(result.findings().size()));
                }
            }
            figures.put("verify_ms_" + n, String.valueOf(median(verifyMs)));
            figures.put("floor_ms_" + n, String.valueOf(median(floorMs)));
            figures.put("verify_ratio_" + n, String.format("%.2f", (double) median(verifyMs) / median(floorMs)));
            figures.put("rules_ms_" + n, String.valueOf(median(rulesMs)));
            figures.put("rls_probe_ms_" + n, String.valueOf(median(probeMs)));
            figures.put("rls_probe_share_" + n, String.format("%.2f", probeShare.stream().sorted().toList().get(probeShare.size() / 2)));
        }
        cached(workloads.get(1000), 1000, runs);
        freshDatabases(workloads.get(200));
    }

    /**
     * The cache: verify again with nothing changed, and with one migration of five tables appended;
     * a new test JVM's start with and without a stored template. Each run starts from an empty cache.
     */
    private void cached(Path migrations, int n, int runs) throws Exception {
        List<Long> cold = new ArrayList<>();
        List<Long> unchanged = new ArrayList<>();
        List<Long> appended = new ArrayList<>();
        List<Long> kitNoCache = new ArrayList<>();
        List<Long> kitCold = new ArrayList<>();
        List<Long> kitCached = new ArrayList<>();
        List<Long> uncached = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // the cold run's cost, against an uncached run beside it: drift on the machine hits both alike, and
            // the order alternates, so that whatever the run before leaves behind (the writes of a stored cache,
            // a warmer JIT) falls on each side in turn
            boolean coldFirst = i % 2 == 1;
            Path cache = Files.createTempDirectory(work, "cache");
            long t;
            for (boolean cached : coldFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                t = System.nanoTime();
                verify(migrations, cached ? cache : null);
                (cached ? cold : uncached).add(ms(t));
            }
            if (i == 0) {
                figures.put("cache_verify_mb_" + n, String.valueOf(CacheStore.diskBytes(cache) / (1024 * 1024)));
            }
            t = System.nanoTime();
            verify(migrations, cache);
            unchanged.add(ms(t));
            Path extra = Workload.append(migrations, 5);
            try {
                t = System.nanoTime();
                VerifyResult result = verify(migrations, cache);
                appended.add(ms(t));
                if (i == 0) {
                    figures.put("reverify_appended_phases_" + n, result.phaseMillis().toString().replace(" ", ""));
                }
            } finally {
                Files.delete(extra);
            }
            Path kitCache = Files.createTempDirectory(work, "kit-cache");
            for (boolean cached : coldFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                (cached ? kitCold : kitNoCache).add(testkitStart(migrations, kitCache, cached));
            }
            if (i == 0) {
                figures.put("cache_testkit_mb_" + n, String.valueOf(CacheStore.diskBytes(kitCache) / (1024 * 1024)));
            }
            kitCached.add(testkitStart(migrations, kitCache, true));
        }
        long verifyMs = Long.parseLong(figures.get("verify_ms_" + n));
        figures.put("verify_cold_cached_ms_" + n, String.valueOf(median(cold)));
        figures.put("verify_uncached_paired_ms_" + n, String.valueOf(median(uncached)));
        figures.put("verify_cold_cached_ratio_" + n, String.format("%.2f", medianRatio(cold, uncached)));
        figures.put("testkit_start_cold_ratio_" + n, String.format("%.2f", medianRatio(kitCold, kitNoCache)));
        figures.put("reverify_unchanged_ms_" + n, String.valueOf(median(unchanged)));
        figures.put("reverify_unchanged_ratio_" + n, String.format("%.3f", (double) median(unchanged) / verifyMs));
        figures.put("reverify_appended_ms_" + n, String.valueOf(median(appended)));
        figures.put("reverify_appended_ratio_" + n, String.format("%.2f", (double) median(appended) / verifyMs));
        figures.put("testkit_start_nocache_ms_" + n, String.valueOf(median(kitNoCache)));
        figures.put("testkit_start_cold_ms_" + n, String.valueOf(median(kitCold)));
        figures.put("testkit_start_cached_ms_" + n, String.valueOf(median(kitCached)));
        figures.put("testkit_start_cached_ratio_" + n, String.format("%.2f", (double) median(kitCached) / median(kitCold)));
    }

    /** The median of the ratios of the pairs {@code a[i] / b[i]}: each pair measured side by side. */
    private static double medianRatio(List<Long> a, List<Long> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add((double) a.get(i) / b.get(i));
        }
        Collections.sort(ratios);
        int m = ratios.size() / 2;
        return ratios.size() % 2 == 1 ? ratios.get(m) : (ratios.get(m - 1) + ratios.get(m)) / 2;
    }

    /** A new JVM, from its launch until the kit hands out its first fresh database. */
    private static long testkitStart(Path migrations, Path cache, boolean useCache) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t = System.nanoTime();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TestkitStart.class.getName(),
                migrations.toString(), cache.toString(), String.valueOf(useCache)).redirectErrorStream(true).start();
        long readyMs = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder text = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null) {
                text.append(line).append('\n');
                if (line.startsWith("ready ") && readyMs < 0) {
                    readyMs = ms(t);
                }
            }
            if (child.waitFor() != 0 || readyMs < 0) {
                throw new IllegalStateException("the test-kit JVM failed:\n" + text);
            }
        }
        return readyMs;
    }

    /** The whole goal as Maven runs it: its own server, apply, trace, crawl, simulate, rules, reports. */
    static VerifyResult verify(Path migrations) throws Exception {
        return verify(migrations, null);
    }

    /** The same, keeping results and snapshots in {@code cache} (null: no cache). */
    static VerifyResult verify(Path migrations, Path cache) throws Exception {
        VerifyResult result = new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(migrations.getParent())
                .locations(List.of("filesystem:" + migrations.getFileName())).cache(cache));
        Reports.write(result.report(result.findings()), EnumSet.of(ReportFormat.JSON), migrations.resolveSibling("reports"), "bench");
        return result;
    }

    /** The physical floor: start embedded PostgreSQL, create the platform it needs, apply the files over JDBC. */
    private static long floor(Path migrations) throws Exception {
        long t = System.nanoTime();
        try (EmbeddedServer server = EmbeddedServer.start(Defaults.postgresMajor(), null)) {
            Platform.createDatabase(server, "floor");
            try (Connection c = Jdbc.as(server, "floor", "postgres"); Statement s = c.createStatement()) {
                for (MigrationFile f : scan(migrations).files()) {
                    s.execute(f.sql());
                }
            }
            return ms(t);
        }
    }

    private void freshDatabases(Path migrations) throws Exception {
        int n = quick ? 30 : 100;
        try (SupabasePostgres pg = SupabasePostgres.builder().baseDirectory(migrations.getParent())
                .migrations("filesystem:" + migrations.getFileName()).start()) {
            Thread.sleep(3000); // let the pool fill, as it does while the first test class starts
            List<Long> fresh = new ArrayList<>();
            List<Long> signups = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                try (SupabaseDatabase db = pg.newDatabase()) {
                    fresh.add(micros(t));
                    t = System.nanoTime();
                    db.auth().signUp("user" + i + "@example.com", "pw");
                    signups.add(micros(t));
                }
            }
            // back to back, with no test work between, each call waits for a clone
            List<Long> backToBack = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                pg.newDatabase().close();
                backToBack.add(micros(t));
            }
            // the figure that counts is the worst case: back to back, bound by how fast the server clones
            double cloneMs = median(backToBack) / 1000.0;
            figures.put("fresh_db_ms", String.format("%.1f", cloneMs));
            figures.put("fresh_db_with_signup_ms", String.format("%.1f", median(fresh) / 1000.0));
            figures.put("signup_ms", String.format("%.1f", median(signups) / 1000.0));

            List<Long> remigrate = new ArrayList<>();
            MigrationSet set = scan(migrations);
            // the JVM's shared embedded server, the one pg's template lives on
            PostgresServer server = SharedServers.get(new ServerKey(Engine.EMBEDDED, Defaults.postgresMajor(), null, null, null, null, null));
            for (int i = 0; i < (quick ? 3 : 5); i++) {
                long t = System.nanoTime();
                String name = "remigrate_" + i;
                Platform.createDatabase(server, name);
                new MigrationRunner().apply(new RoleDataSource(server, name, "postgres"), set, MigrationListener.SILENT).orThrow();
                remigrate.add(micros(t));
                try (Connection c = Jdbc.admin(server, "postgres"); Statement s = c.createStatement()) {
                    s.execute("drop database " + name + " with (force)");
                }
            }
            double remigrateMs = median(remigrate) / 1000.0;
            figures.put("remigrate_ms", String.format("%.0f", remigrateMs));
            figures.put("fresh_db_speedup", String.format("%.0f", remigrateMs / cloneMs));

            figures.put("fresh_db_back_to_back_ms_raw", String.valueOf(cloneMs));
        }
        // measured after ours is closed, so neither runs while the other is timed
        double cloneMs = Double.parseDouble(figures.remove("fresh_db_back_to_back_ms_raw"));
        double zonkyMs = zonky(migrations, n) / 1000.0;
        figures.put("zonky_prepared_db_ms", String.format("%.1f", zonkyMs));
        figures.put("fresh_db_vs_zonky", String.format("%.2f", cloneMs / zonkyMs));
    }

    /** zonky's PreparedDbProvider for the same schema, called back to back like ours above. */
    private static long zonky(Path migrations, int n) throws Exception {
        MigrationSet set = scan(migrations);
        PreparedDbProvider provider = PreparedDbProvider.forPreparer(ds -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute(new String(Bench.class.getResourceAsStream("/io/github/authschema/testkit/platform-roles.sql").readAllBytes()));
                s.execute(new String(Bench.class.getResourceAsStream("/io/github/authschema/testkit/platform-database.sql").readAllBytes()));
                s.execute("set role postgres");
                for (MigrationFile f : set.files()) {
                    s.execute(f.sql());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        provider.createDataSource(); // prepares the template
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            DataSource ds = provider.createDataSource();
            try (Connection c = ds.getConnection()) {
                c.isValid(1);
            }
            times.add(micros(t));
        }
        return median(times);
    }

    private static MigrationSet scan(Path migrations) {
        return new MigrationScanner(migrations.getParent()).scan(List.of("filesystem:" + migrations.getFileName()));
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }
}
