package io.github.authschema.verify;

import io.github.authschema.InvalidInputException;
import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.CatalogReader;
import io.github.authschema.catalog.DeleteGraph;
import io.github.authschema.catalog.Origins;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.engine.RuleEngine;
import io.github.authschema.rules.engine.RuleRegistry;
import io.github.authschema.rules.engine.SqlRule;
import io.github.authschema.rules.engine.Suppressions;
import io.github.authschema.simulate.AccessProbes;
import io.github.authschema.simulate.SimulationResult;
import io.github.authschema.simulate.Simulator;
import io.github.authschema.simulate.TableAccess;
import io.github.authschema.simulate.Tasks;
import io.github.authschema.testkit.Engine;
import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.cache.CacheStore;
import io.github.authschema.testkit.internal.cache.Fingerprint;
import io.github.authschema.testkit.internal.cache.Snapshot;
import io.github.authschema.testkit.internal.engine.EmbeddedBinaries;
import io.github.authschema.testkit.internal.engine.EmbeddedServer;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresServer;
import io.github.authschema.testkit.internal.engine.RoleDataSource;
import io.github.authschema.testkit.internal.engine.ServerKey;
import io.github.authschema.testkit.internal.engine.SharedServers;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;
import io.github.authschema.testkit.internal.migrate.MigrationFile;
import io.github.authschema.testkit.internal.migrate.MigrationListener;
import io.github.authschema.testkit.internal.migrate.MigrationOutcome;
import io.github.authschema.testkit.internal.migrate.MigrationRun;
import io.github.authschema.testkit.internal.migrate.MigrationRunner;
import io.github.authschema.testkit.internal.migrate.MigrationSet;
import io.github.authschema.testkit.internal.migrate.Seeds;
import io.github.authschema.testkit.internal.platform.Platform;
import io.github.authschema.testkit.internal.platform.SignUps;
import io.github.authschema.testkit.internal.platform.StandInExtensions;
import io.github.authschema.testkit.internal.platform.SupabaseConfig.Setting;
import io.github.authschema.testkit.internal.platform.SupabaseConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;

/**
 * The verify pipeline: a throwaway database with the emulated platform, the migrations applied with
 * their origins traced, the catalog read, the auth flows simulated, the rules run. The database is
 * dropped afterwards, also when the JVM is interrupted; nothing else on the server is written.
 */
public final class Verifier {
    private static final String TRACE_SQL = load();

    private final VerifyLog log;

    public Verifier(VerifyLog log) {
        this.log = log;
    }

    public VerifyResult verify(VerifyConfig config) {
        long started = System.nanoTime();
        List<Rule> rules = new ArrayList<>(RuleRegistry.all());
        for (Path dir : config.sqlRuleDirectories) {
            rules.addAll(SqlRule.load(config.baseDir.resolve(dir)));
        }
        RuleEngine engine = new RuleEngine(rules, config.ruleSettings, config.ruleIdsOfOtherGoals);
        List<String> locations = config.migrationLocations();
        MigrationSet set = config.scanMigrations();
        set.warnings().forEach(log::warn);
        if (set.files().isEmpty()) {
            // a verification of nothing must not read as a pass
            throw new InvalidInputException("No migration files in " + String.join(", ", locations) + ": there is nothing to verify. "
                    + "Point the migrations setting at the folder that holds them.");
        }

        SupabaseConfig project = SupabaseConfig.read(config.baseDir);
        Environment environment = Environment.of(config, project);
        Setting<Integer> major = environment.major();
        Setting<Boolean> expose = environment.expose();
        SignUps signUps = SignUps.from(project);
        Set<String> exposedSchemas = new LinkedHashSet<>(config.apiSchemas != null ? config.apiSchemas : project.apiSchemas());
        List<MigrationFile> seeds = Boolean.FALSE.equals(config.seed) ? List.of() : Seeds.find(config.baseDir, project);
        log.info("PostgreSQL " + major.value() + " (" + major.source() + "); new tables in public "
                + (expose.value() ? "are granted to the API roles" : "need a GRANT to reach the Data API") + " (" + expose.source() + ")");
        ServerKey key = environment.key();
        Path binaries = key.binariesJar();

        VerifyCache cache = config.cacheDirectory == null ? null : openCache(config, set, seeds, key, expose.value(), exposedSchemas);
        if (cache != null) {
            Optional<VerifyCache.Reused> reused = cache.reuse(engine.rules());
            if (reused.isPresent()) {
                log.info("Nothing changed since the verification of " + reused.get().verifiedAt() + " (" + set.files().size()
                        + " migrations, seeds, configuration, rules and plugin alike; cache " + cache.store().directory()
                        + "): its result is reused. -Dauthschema.cache=false verifies again.");
                return reused.get().result();
            }
        }
        // a snapshot is a stopped data directory: only of a server this run starts and stops itself
        boolean snapshots = cache != null && config.engine == Engine.EMBEDDED && !config.shareServer;
        Optional<Snapshot> stored = snapshots ? cache.snapshot() : Optional.empty();

        Map<String, Long> phases = new LinkedHashMap<>();
        long t = System.nanoTime();
        // the verifier's own server, stopped before the goal returns: a shutdown hook would run after
        // Maven has closed the plugin's class realm
        PostgresServer fromSnapshot = stored.map(s -> startFrom(s, major.value(), binaries)).orElse(null);
        Optional<Snapshot> snapshot = fromSnapshot == null ? Optional.empty() : stored;
        PostgresServer server = fromSnapshot != null ? fromSnapshot : config.shareServer ? SharedServers.get(key) : key.start();
        String database = "authschema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_verify";
        Thread dropOnExit = new Thread(() -> Jdbc.dropDatabase(server, database), "authschema-drop-" + database);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
        VerifyResult result = null;
        CacheStore.SnapshotWriter snapshotWriter = null;
        Map<String, TableAccess> probeAnswers = Map.of();
        FutureTask<Void> storing = null;
        try {
            if (snapshot.isPresent()) {
                renameDatabase(server, VerifyCache.SNAPSHOT_DATABASE, database);
            } else {
                Platform.createDatabase(server, database, expose.value());
                installTrace(server, database);
            }
            phases.put("start", ms(t));
            log.info("Started " + server.describe() + " and the Supabase platform in " + ms(t) + " ms; database " + database);
            if (snapshot.isPresent()) {
                int pending = set.files().size() - snapshot.get().migrations();
                log.info("Starting from the snapshot stored after " + snapshot.get().migrations() + " of these " + set.files().size()
                        + " migrations (" + snapshot.get().meta().get("created") + "); applying " + (pending == 0 ? "none" : "the other " + pending)
                        + " from " + String.join(", ", locations));
            } else {
                log.info("Applying " + set.files().size() + " migration" + (set.files().size() == 1 ? "" : "s") + " from "
                        + String.join(", ", locations));
            }
            t = System.nanoTime();
            MigrationRunner runner = new MigrationRunner(config.statementTimeout, "authschema.migration");
            RoleDataSource asPostgres = new RoleDataSource(server, database, "postgres");
            MigrationRun run = config.continueOnError ? runner.applyContinuing(asPostgres, set, progress())
                    : runner.apply(asPostgres, set, progress());
            List<MigrationOutcome> outcomes = snapshot.map(s -> VerifyCache.withSnapshot(run.outcomes(), s)).orElse(run.outcomes());
            List<MigrationFailure> failures = new ArrayList<>(run.failures());
            if (snapshots && failures.isEmpty() && snapshot.map(s -> s.migrations() < set.files().size()).orElse(true)) {
                // the state after the migrations, before seeds and simulations touch it
                Jdbc.cloneDatabase(server, database, VerifyCache.SNAPSHOT_DATABASE);
                // nobody connects to the copy or to PostgreSQL's templates from here on: their files are
                // final, and go to the cache while the rest runs
                EmbeddedServer embedded = (EmbeddedServer) server;
                snapshotWriter = cache.store().snapshotWriter();
                for (Path directory : embedded.databaseDirectories(VerifyCache.SNAPSHOT_DATABASE, "template0", "template1")) {
                    snapshotWriter.copyAhead(embedded.dataDirectory(), directory);
                }
            }
            if (failures.isEmpty() && !seeds.isEmpty()) {
                log.info("Seeding from " + seeds.stream().map(MigrationFile::displayPath).collect(Collectors.joining(", "))
                        + ", as supabase db reset does");
                Seeds.apply(asPostgres, seeds).ifPresent(failures::add);
            }
            phases.put("migrate", ms(t));
            t = System.nanoTime();
            // the flows and the access probe run on their own connections and roll back, so they need not wait for the catalog
            FutureTask<Simulated> simulating = new FutureTask<>(() -> simulate(server, database, signUps));
            Thread simulator = new Thread(simulating, "authschema-simulate");
            simulator.start();
            AccessProbes.Reuse reuse = cache == null ? null : cache.probeReuse();
            FutureTask<Probed> probing = new FutureTask<>(() -> probe(server, database, exposedSchemas, reuse));
            Thread prober = new Thread(probing, "authschema-probe");
            prober.start();
            try (Connection admin = Jdbc.admin(server, database)) {
                logStandIns(admin);
                Catalog catalog = CatalogReader.read(admin, new Origins(CatalogReader.traceEvents(admin), sources(set)), exposedSchemas);
                phases.put("catalog", ms(t));
                log.info("Read the catalog (" + catalog.projectTables().size() + " project tables, " + catalog.projectForeignKeys().size()
                        + " of their foreign keys, " + catalog.policies().size() + " policies) in " + ms(t) + " ms");
                Simulated simulated = Tasks.await(simulating, "simulating the auth flows");
                List<SimulationResult> simulations = simulated.results();
                phases.put("simulate", simulated.millis());
                long failedFlows = simulations.stream().filter(s -> !s.ok()).count();
                log.info("Simulated " + simulations.size() + " auth-service steps (email, phone, anonymous and empty-metadata sign-ups, "
                        + "their deletes, five account links) in " + simulated.millis() + " ms"
                        + (failedFlows == 0 ? ": all succeeded" : ": " + failedFlows + " failed"));
                Probed probed = Tasks.await(probing, "probing access");
                List<TableAccess> access = probed.result().access();
                probeAnswers = probed.result().reusable();
                phases.put("probe", probed.millis());
                if (!access.isEmpty()) {
                    long skipped = access.stream().filter(a -> a.matrix().skippedBecause() != null).count();
                    int reused = probed.result().reused();
                    int alone = probed.result().probedAlone();
                    log.info("Probed who reaches whose rows in " + access.size() + " table" + (access.size() == 1 ? "" : "s")
                            + " with RLS, as two signed-up users and anon, in " + probed.millis() + " ms"
                            + (reused == 0 ? "" : " (" + reused + (reused == 1 ? " answer" : " answers")
                            + " reused: nothing they depend on changed since the last run)")
                            + (alone == 0 ? "" : " (" + alone + " probed again alone: a trigger of theirs deadlocked with the other connection's)")
                            + (skipped == 0 ? "" : " (" + skipped + " not probed: no row could be made)"));
                }
                t = System.nanoTime();
                List<Finding> findings = engine.run(RuleContext.of(catalog, simulations, access, failures, config.shadowUserTables, admin,
                        Suppressions.parse(sources(set))));
                phases.put("rules", ms(t));
                result = new VerifyResult(outcomes, failures, simulations, access, findings, engine.rules(), DeleteGraph.from(catalog),
                        phases, ms(started), server.describe(), catalog.summary());
                if (cache != null) {
                    // written while the server stops and the snapshot is stored
                    VerifyResult verified = result;
                    Map<String, TableAccess> answers = probeAnswers;
                    storing = new FutureTask<>(() -> {
                        cache.storeResult(verified);
                        cache.storeProbes(answers);
                        return null;
                    });
                    new Thread(storing, "authschema-store-result").start();
                }
            }
        } catch (SQLException e) {
            throw new SupabaseKitException("Reading the verified database failed: " + e.getMessage(), e);
        } finally {
            Jdbc.dropDatabase(server, database);
            if (!config.shareServer) {
                if (result != null && snapshotWriter != null) {
                    saveSnapshot((EmbeddedServer) server, cache, snapshotWriter, result.migrations());
                } else {
                    server.close();
                }
            }
            if (snapshotWriter != null) {
                snapshotWriter.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(dropOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run; it drops the database again, harmlessly
            }
        }
        if (storing != null) {
            try {
                storing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                log.warn("The result could not be stored in the cache " + cache.store().directory() + " (" + e.getCause()
                        + "); the next run verifies in full.");
            }
        }
        return result;
    }

    /**
     * The schema (the catalog's summary) of a throwaway database with the platform and only {@code files}
     * applied: what a target that recorded exactly those migrations should hold. No rules, no flows.
     */
    public SortedSet<String> schemaAfter(VerifyConfig config, List<MigrationFile> files) {
        Environment environment = Environment.of(config, SupabaseConfig.read(config.baseDir));
        ServerKey key = environment.key();
        PostgresServer server = config.shareServer ? SharedServers.get(key) : key.start();
        String database = "authschema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_expected";
        try {
            Platform.createDatabase(server, database, environment.expose().value());
            MigrationRun run = new MigrationRunner(config.statementTimeout, null)
                    .apply(new RoleDataSource(server, database, "postgres"), new MigrationSet(files, List.of()), MigrationListener.SILENT);
            run.orThrow();
            try (Connection admin = Jdbc.admin(server, database)) {
                return CatalogReader.read(admin, Origins.none()).summary();
            }
        } catch (SQLException e) {
            throw new SupabaseKitException("Reading the expected schema failed: " + e.getMessage(), e);
        } finally {
            Jdbc.dropDatabase(server, database);
            if (!config.shareServer) {
                server.close();
            }
        }
    }

    private VerifyCache openCache(VerifyConfig config, MigrationSet set, List<MigrationFile> seeds, ServerKey key, boolean expose,
                                  Set<String> exposedSchemas) {
        // what the migrated database depends on besides the files
        Fingerprint database = Fingerprint.of("verify-database").add("server", key.engine() + " " + key.major() + " "
                        + (key.binariesJar() == null ? "bundled" : key.binariesJar().getFileName()) + " " + key.url() + " " + key.user())
                .add("expose", expose).add("statementTimeout", config.statementTimeout).add("continueOnError", config.continueOnError);
        // what the result depends on besides that database
        Fingerprint verification = Fingerprint.of("verify-result")
                .add("rules", config.ruleSettings).add("otherGoals", config.ruleIdsOfOtherGoals)
                .add("shadowUserTables", config.shadowUserTables).add("apiSchemas", exposedSchemas)
                .addFile("config.toml", config.baseDir.resolve("supabase/config.toml"));
        Fingerprint seeded = Fingerprint.of("verify-seeds");
        for (MigrationFile seed : seeds) {
            verification.add("seed " + seed.displayPath(), seed.sql());
            seeded.add("seed " + seed.displayPath(), seed.sql());
        }
        for (Path dir : config.sqlRuleDirectories) {
            VerifyCache.addTree(verification, "sqlRules " + dir, config.baseDir.resolve(dir));
        }
        try {
            return VerifyCache.open(config.cacheDirectory, config, set.files(), database, verification, seeded);
        } catch (RuntimeException e) {
            log.warn("The cache " + config.cacheDirectory + " cannot be used (" + e.getMessage() + "); verifying in full. "
                    + "Set cacheDirectory (authschema.cacheDirectory) to a writable directory, or cache to false.");
            return null;
        }
    }

    /** A server on a copy of the snapshot, or null when it could not be copied (another build evicted it): then the run is in full. */
    private PostgresServer startFrom(Snapshot snapshot, int major, Path binaries) {
        try {
            return EmbeddedServer.startFrom(major, binaries, snapshot);
        } catch (IOException e) {
            log.info("The snapshot " + snapshot.directory() + " could not be copied (" + e.getMessage() + "); applying every migration");
            return null;
        }
    }

    private void saveSnapshot(EmbeddedServer server, VerifyCache cache, CacheStore.SnapshotWriter writer, List<MigrationOutcome> outcomes) {
        long t = System.nanoTime();
        try {
            long[] bytes = new long[1];
            server.closeKeeping(data -> bytes[0] = cache.saveSnapshot(writer, data, outcomes));
            log.info("Stored the migrated database in the cache (" + bytes[0] / (1024 * 1024) + " MB, " + ms(t) + " ms): the next run "
                    + "with these migrations, or more, starts from it");
        } catch (IOException | RuntimeException e) {
            log.warn("The migrated database could not be stored in the cache " + cache.store().directory() + " (" + e
                    + "); the next run applies every migration again.");
        }
    }

    private static void renameDatabase(PostgresServer server, String from, String to) throws SQLException {
        try (Connection c = Jdbc.admin(server, "postgres"); Statement s = c.createStatement()) {
            s.execute("alter database " + Jdbc.quoteIdent(from) + " rename to " + Jdbc.quoteIdent(to));
        }
    }

    /**
     * Where verification runs, from the parameters and supabase/config.toml: the PostgreSQL major, whether
     * new tables are exposed, and the server (its binaries resolved for this machine when embedded).
     */
    private record Environment(Setting<Integer> major, Setting<Boolean> expose, ServerKey key) {
        static Environment of(VerifyConfig config, SupabaseConfig project) {
            Setting<Integer> major = project.integer(SupabaseConfig.MAJOR_VERSION,
                    config.postgresVersion == null ? null : Defaults.parseMajor(config.postgresVersion, "postgresVersion"), Defaults.postgresMajor());
            Setting<Boolean> expose = project.bool(SupabaseConfig.AUTO_EXPOSE_NEW_TABLES, config.autoExposeNewTables, false);
            Credentials external = config.server;
            Path binaries = config.embeddedBinaries != null || config.engine != Engine.EMBEDDED ? config.embeddedBinaries
                    : EmbeddedBinaries.toResolve(major.value()).map(config.binariesResolver).orElse(null);
            ServerKey key = new ServerKey(config.engine, major.value(), binaries, external == null ? null : external.url(),
                    external == null ? null : external.user(), external == null ? null : external.password(), null);
            return new Environment(major, expose, key);
        }
    }

    private record Simulated(List<SimulationResult> results, long millis) {
    }

    private record Probed(AccessProbes.Result result, long millis) {
    }

    private static Probed probe(PostgresServer server, String database, Set<String> exposedSchemas, AccessProbes.Reuse reuse)
            throws SQLException {
        long t = System.nanoTime();
        return new Probed(AccessProbes.run(server, database, Defaults.BCRYPT_COST, exposedSchemas, reuse), ms(t));
    }

    private static Simulated simulate(PostgresServer server, String database, SignUps signUps) throws SQLException {
        long t = System.nanoTime();
        try (Connection authAdmin = Jdbc.as(server, database, "supabase_auth_admin")) {
            return new Simulated(new Simulator(Defaults.BCRYPT_COST, signUps).run(authAdmin), ms(t));
        }
    }

    /** Names each stand-in extension the migrations enabled, with what it does and does not do. */
    private void logStandIns(Connection admin) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("select e.extname, a.comment from pg_extension e "
                + "join pg_available_extensions a on a.name = e.extname where a.comment like ? order by 1")) {
            ps.setString(1, StandInExtensions.MARK + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    log.info(rs.getString(1) + ": " + rs.getString(2).substring(StandInExtensions.MARK.length()).replaceFirst("^ for \\S+: ", "a stand-in; "));
                }
            }
        }
    }

    private static Map<String, String> sources(MigrationSet set) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (MigrationFile f : set.files()) {
            sources.put(f.displayPath(), f.sql());
        }
        return sources;
    }

    private MigrationListener progress() {
        return new MigrationListener() {
            @Override
            public void applied(MigrationFile file, long millis) {
                log.info(String.format("  %-60s %6d ms", file.displayPath(), millis));
            }

            @Override
            public void failed(MigrationFile file, long millis, MigrationFailure failure) {
                log.info(String.format("  %-60s FAILED", file.displayPath()));
            }

            @Override
            public void warning(String message) {
                log.debug(message);
            }
        };
    }

    private static void installTrace(PostgresServer server, String database) {
        try (Connection c = Jdbc.admin(server, database); Statement s = c.createStatement()) {
            s.execute(TRACE_SQL);
        } catch (SQLException e) {
            throw new SupabaseKitException("Could not install the origin tracer: " + e.getMessage(), e);
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String load() {
        try (InputStream in = Verifier.class.getResourceAsStream("/io/github/authschema/trace.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
