package io.github.authschema.maven;

import io.github.authschema.audit.AuditRules;
import io.github.authschema.testkit.Engine;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.verify.VerifyConfig;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
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

    /** PostgreSQL major version. */
    @Parameter(property = "authschema.postgresVersion", defaultValue = Defaults.POSTGRES_VERSION)
    private String postgresVersion;

    /** A zonky binaries jar for an embedded PostgreSQL version other than the bundled one. */
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

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /**
     * What to verify, from the parameters. With {@code urlIsTheServer}, a set url means verifying on
     * that server; otherwise url is a goal's target and the verification stays on the chosen engine.
     */
    protected final VerifyConfig verifyConfig(boolean urlIsTheServer) throws MojoExecutionException {
        VerifyConfig config = new VerifyConfig(basedir.toPath())
                .postgresVersion(postgresVersion)
                .statementTimeout(Duration.ofSeconds(statementTimeout))
                .ruleIdsOfOtherGoals(AuditRules.ids());
        if (migrations != null && !migrations.isEmpty()) {
            config.locations(migrations);
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
}
