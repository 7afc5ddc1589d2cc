package io.github.authschema.verify;

import io.github.authschema.InvalidInputException;
import io.github.authschema.rules.Severity;
import io.github.authschema.rules.engine.RuleSettings;
import io.github.authschema.testkit.Engine;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.engine.EmbeddedBinaries;
import io.github.authschema.testkit.internal.migrate.MigrationScanner;
import io.github.authschema.testkit.internal.migrate.MigrationSet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** What to verify and how: everything the Maven goal's parameters say, without Maven types. */
public final class VerifyConfig {
    final Path baseDir;
    final List<String> locations = new ArrayList<>();
    Engine engine = Engine.EMBEDDED;
    String postgresVersion;
    Boolean autoExposeNewTables;
    List<String> apiSchemas;
    Boolean seed;
    boolean continueOnError;
    Path embeddedBinaries;
    Credentials server;
    final Map<String, RuleSettings> ruleSettings = new LinkedHashMap<>();
    final Set<String> ruleIdsOfOtherGoals = new LinkedHashSet<>();
    final Set<String> shadowUserTables = Defaults.shadowUserTables();
    Duration statementTimeout = Defaults.statementTimeout();
    boolean shareServer;
    final List<Path> sqlRuleDirectories = new ArrayList<>();
    Function<EmbeddedBinaries, Path> binariesResolver = EmbeddedBinaries::resolve;
    Path cacheDirectory;

    public VerifyConfig(Path baseDir) {
        this.baseDir = baseDir;
    }

    public VerifyConfig locations(List<String> values) {
        locations.clear();
        locations.addAll(values);
        return this;
    }

    public VerifyConfig engine(Engine value) {
        engine = value;
        return this;
    }

    /** The PostgreSQL major; null leaves it to supabase/config.toml's [db] major_version, else the default. */
    public VerifyConfig postgresVersion(String value) {
        postgresVersion = value;
        return this;
    }

    /**
     * Apply the seed files after the migrations, as supabase db reset does (supabase/seed.sql or
     * [db.seed] sql_paths); null applies them when they exist, false never.
     */
    public VerifyConfig seed(Boolean value) {
        seed = value;
        return this;
    }

    /**
     * Go on past a failing migration: it is rolled back and reported, the rest applied, so every
     * failure of a legacy folder shows in one run. Off by default: the findings then describe the
     * schema up to the first failure.
     */
    public VerifyConfig continueOnError(boolean value) {
        continueOnError = value;
        return this;
    }

    /** Grant new public tables to the API roles, as before 2026; null leaves it to supabase/config.toml, else off. */
    public VerifyConfig autoExposeNewTables(Boolean value) {
        autoExposeNewTables = value;
        return this;
    }

    /** The schemas the Data API serves; null leaves it to supabase/config.toml's [api] schemas, else public and graphql_public. */
    public VerifyConfig apiSchemas(List<String> value) {
        apiSchemas = value == null || value.isEmpty() ? null : List.copyOf(value);
        return this;
    }

    public VerifyConfig embeddedBinaries(Path jar) {
        embeddedBinaries = jar;
        return this;
    }

    /** Verify in a database this creates on an existing server, and drops. */
    public VerifyConfig external(Credentials server) {
        this.engine = Engine.EXTERNAL;
        this.server = server;
        return this;
    }

    public VerifyConfig external(String url, String user, String password) {
        return external(new Credentials(url, user, password));
    }

    /** A rule's severity (null keeps its default) and the objects it should not report (globs such as public.legacy_*). */
    public VerifyConfig rule(String ruleId, Severity severity, List<String> excludes) {
        ruleSettings.put(ruleId, new RuleSettings(severity, excludes));
        return this;
    }

    /**
     * Rule ids that other goals know (the audit's checks): one {@code <rules>} block serves every goal,
     * so verify accepts settings for them without applying them.
     */
    public VerifyConfig ruleIdsOfOtherGoals(Set<String> ids) {
        ruleIdsOfOtherGoals.clear();
        ruleIdsOfOtherGoals.addAll(ids);
        return this;
    }

    public VerifyConfig shadowUserTables(Set<String> names) {
        shadowUserTables.clear();
        shadowUserTables.addAll(names);
        return this;
    }

    public Duration statementTimeout() {
        return statementTimeout;
    }

    public VerifyConfig statementTimeout(Duration value) {
        statementTimeout = value;
        return this;
    }

    /**
     * Use the JVM-wide shared server instead of starting one and stopping it afterwards: for tests
     * and benchmarks that verify many times in one JVM. The Maven goal starts its own.
     */
    public VerifyConfig shareServer(boolean value) {
        shareServer = value;
        return this;
    }

    /**
     * How to get the embedded binaries jar this machine needs, when zonky's dependencies do not hold
     * it (another major, ARM): the plugin asks Maven's resolver; the default is the local repository,
     * then Maven Central.
     */
    public VerifyConfig binariesResolver(Function<EmbeddedBinaries, Path> resolver) {
        binariesResolver = resolver;
        return this;
    }

    /**
     * Keep results and migrated snapshots in {@code root} between runs, so that an unchanged project
     * is not verified again and appended migrations are applied on top of the stored state; null
     * (the default here; the goal turns it on) verifies everything every time.
     */
    public VerifyConfig cache(Path root) {
        cacheDirectory = root;
        return this;
    }

    /** Directories of SQL rules, relative to the base directory. */
    public VerifyConfig sqlRules(List<Path> directories) {
        sqlRuleDirectories.clear();
        sqlRuleDirectories.addAll(directories);
        return this;
    }

    /** The configured locations, or the conventional ones that exist; none is an error that says what to set. */
    public List<String> migrationLocations() {
        List<String> found = locations.isEmpty() ? new MigrationScanner(baseDir).detectDefaultLocations() : locations;
        if (found.isEmpty()) {
            throw new InvalidInputException("No migrations found: neither src/main/resources/db/migration nor supabase/migrations exists in "
                    + baseDir + ". Set <migrations> to your migration directory.");
        }
        return found;
    }

    public MigrationSet scanMigrations() {
        return new MigrationScanner(baseDir).scan(migrationLocations());
    }
}
