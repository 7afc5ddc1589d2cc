package io.github.authschema.testkit;

import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.cache.CacheStore;
import io.github.authschema.testkit.internal.engine.DatabasePool;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresServer;
import io.github.authschema.testkit.internal.engine.RoleDataSource;
import io.github.authschema.testkit.internal.engine.ServerKey;
import io.github.authschema.testkit.internal.engine.SharedServers;
import io.github.authschema.testkit.internal.migrate.MigrationFile;
import io.github.authschema.testkit.internal.migrate.MigrationListener;
import io.github.authschema.testkit.internal.migrate.MigrationRun;
import io.github.authschema.testkit.internal.migrate.MigrationRunner;
import io.github.authschema.testkit.internal.migrate.MigrationScanner;
import io.github.authschema.testkit.internal.migrate.MigrationSet;
import io.github.authschema.testkit.internal.migrate.Seeds;
import io.github.authschema.testkit.internal.platform.Platform;
import io.github.authschema.testkit.internal.platform.SignUps;
import io.github.authschema.testkit.internal.platform.SupabaseConfig;
import org.apiguardian.api.API;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A Supabase-like PostgreSQL: a server (shared per JVM), a template database holding the emulated
 * platform and the project's migrations, and fresh clones of it for each test.
 *
 * <pre>{@code
 * try (SupabasePostgres pg = SupabasePostgres.builder().migrations("filesystem:supabase/migrations").start();
 *      SupabaseDatabase db = pg.newDatabase()) {
 *     AuthUser alice = db.auth().signUp("alice@example.com", "secret");
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SupabasePostgres implements AutoCloseable {
    private final PostgresServer server;
    private final String template;
    private final DatabasePool pool;
    private final int bcryptCost;
    private final SignUps signUps;

    private SupabasePostgres(PostgresServer server, String template, DatabasePool pool, int bcryptCost, SignUps signUps) {
        this.server = server;
        this.template = template;
        this.pool = pool;
        this.bcryptCost = bcryptCost;
        this.signUps = signUps;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A fresh database cloned from the migrated template, in milliseconds. Close it to drop it. */
    public SupabaseDatabase newDatabase() {
        return new SupabaseDatabase(server, pool.take(), bcryptCost, signUps, pool::release);
    }

    /** The name of the migrated template every new database is cloned from. */
    public String templateName() {
        return template;
    }

    @Override
    public void close() {
        pool.close();
    }

    public static final class Builder {
        private Engine engine = Engine.EMBEDDED;
        private Integer major;
        private Boolean autoExposeNewTables;
        private boolean seed = true;
        private final List<String> locations = new ArrayList<>();
        private Path baseDir = Paths.get("").toAbsolutePath();
        private Path binariesJar;
        private String url;
        private String user;
        private String password;
        private String image;
        private int bcryptCost = Defaults.BCRYPT_COST;
        private Duration statementTimeout = Defaults.statementTimeout();
        private Boolean cache;
        private Path cacheDirectory;
        /** How the last {@link #start()} got its template, for the kit's own tests and the benchmark. */
        TemplateSnapshots.Start started;

        public Builder engine(Engine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * The PostgreSQL major version: "17", "16" or "15". Unset, it is {@code [db] major_version} of
         * the project's supabase/config.toml, else 17.
         */
        public Builder postgresVersion(String version) {
            this.major = Defaults.parseMajor(version, "postgresVersion");
            return this;
        }

        /**
         * Grant every new table, view, sequence and function in public to anon, authenticated and
         * service_role, as Supabase did before 2026. Unset, it is {@code [api] auto_expose_new_tables}
         * of the project's supabase/config.toml, else off: a table then needs its own GRANT, as on
         * Supabase today.
         */
        public Builder autoExposeNewTables(boolean expose) {
            this.autoExposeNewTables = expose;
            return this;
        }

        /** Flyway-style locations: {@code filesystem:supabase/migrations}, {@code classpath:db/migration}. */
        public Builder migrations(String... flywayStyleLocations) {
            locations.addAll(Arrays.asList(flywayStyleLocations));
            return this;
        }

        /** The directory relative locations are resolved against; the working directory by default. */
        public Builder baseDirectory(Path dir) {
            this.baseDir = dir.toAbsolutePath();
            return this;
        }

        /** For the EXTERNAL engine: a JDBC URL and a superuser. The password never appears in messages. */
        public Builder external(String url, String user, String password) {
            this.engine = Engine.EXTERNAL;
            this.url = url;
            this.user = user;
            this.password = password;
            return this;
        }

        /** For the TESTCONTAINERS engine: the image, {@code postgres:<version>} by default. */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /** A zonky binaries jar for a PostgreSQL version other than the bundled 17. */
        public Builder embeddedBinaries(Path jar) {
            this.binariesJar = jar;
            return this;
        }

        /**
         * bcrypt cost for passwords. The auth service uses 10; the kit's default of 4 gives the same
         * hash format, about 50 times faster.
         */
        public Builder bcryptCost(int cost) {
            this.bcryptCost = cost;
            return this;
        }

        /**
         * Apply the seed files after the migrations, as supabase db reset does (supabase/seed.sql, or
         * {@code [db.seed] sql_paths} of config.toml) when they exist; on by default.
         */
        public Builder seed(boolean apply) {
            this.seed = apply;
            return this;
        }

        /** Longest one migration statement may run before it is cancelled; 5 minutes by default. */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
            return this;
        }

        /**
         * Keep the migrated template between JVMs (embedded engine only): a new JVM whose migrations and
         * seeds are unchanged starts from the stored copy, one with migrations appended applies only the
         * new ones. Unset: on, unless {@code -Dauthschema.cache=false}.
         */
        public Builder cache(boolean keep) {
            this.cache = keep;
            return this;
        }

        /** Where the cache is kept; unset: {@code -Dauthschema.cacheDirectory}, else ~/.m2/authschema-cache. */
        public Builder cacheDirectory(Path dir) {
            this.cacheDirectory = dir.toAbsolutePath();
            return this;
        }

        public SupabasePostgres start() {
            SupabaseConfig config = SupabaseConfig.read(baseDir);
            int pgMajor = config.integer(SupabaseConfig.MAJOR_VERSION, major, Defaults.postgresMajor()).value();
            boolean expose = config.bool(SupabaseConfig.AUTO_EXPOSE_NEW_TABLES, autoExposeNewTables, false).value();
            SignUps signUps = SignUps.from(config);
            MigrationScanner scanner = new MigrationScanner(baseDir);
            MigrationSet set = scanner.scan(locations.isEmpty() ? List.of() : locations);
            MigrationListener listener = MigrationListener.WARNINGS_TO_STDERR;
            set.warnings().forEach(listener::warning);
            List<MigrationFile> seeds = seed ? Seeds.find(baseDir, config) : List.of();
            ServerKey key = new ServerKey(engine, Defaults.requireSupported(pgMajor), binariesJar, url, user, password, image);
            String prefix = "authschema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String template;
            MigrationRunner runner = new MigrationRunner(statementTimeout, null);
            PostgresServer server;
            if (engine == Engine.EMBEDDED && !set.files().isEmpty() && (cache != null ? cache : CacheStore.enabledBySystemProperty())) {
                TemplateSnapshots snapshots = new TemplateSnapshots(cacheDirectory != null ? cacheDirectory : CacheStore.defaultRoot(), baseDir,
                        locations, set, seeds, pgMajor, binariesJar, expose, statementTimeout);
                TemplateSnapshots.Template stored = snapshots.server(set, seeds, expose, runner, listener);
                server = stored.server();
                started = stored.start();
                // every instance on this server clones from the stored database itself: nobody writes to it
                template = stored.database();
            } else {
                server = SharedServers.get(key);
                template = prefix + "_template";
                Platform.createDatabase(server, template, expose);
                RoleDataSource asPostgres = new RoleDataSource(server, template, "postgres");
                MigrationRun run = runner.apply(asPostgres, set, listener);
                if (run.failure().isEmpty()) {
                    run = run.withFailure(Seeds.apply(asPostgres, seeds));
                }
                if (run.failure().isPresent()) {
                    Jdbc.dropDatabase(server, template);
                    run.orThrow();
                }
            }
            DatabasePool pool = new DatabasePool(server, template, prefix);
            return new SupabasePostgres(server, template, pool, bcryptCost, signUps);
        }
    }
}
