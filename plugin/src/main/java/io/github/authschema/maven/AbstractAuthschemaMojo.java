package io.github.authschema.maven;

import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.Engine;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;
import io.github.authschema.verify.Verifier;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

import java.io.File;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What every authschema goal shares: where the migrations are, which database engine, rule settings,
 * and the skip flag. Subclasses turn a {@link VerifyResult} into their own outcome.
 */
public abstract class AbstractAuthschemaMojo extends AbstractMojo {

    /** Flyway-style migration locations; default: src/main/resources/db/migration or supabase/migrations. */
    @Parameter(property = "authschema.migrations")
    private List<String> migrations;

    /** EMBEDDED (default, no Docker), TESTCONTAINERS or EXTERNAL. Setting url implies EXTERNAL. */
    @Parameter(property = "authschema.engine", defaultValue = "EMBEDDED")
    private String engine;

    /** PostgreSQL major version. */
    @Parameter(property = "authschema.postgresVersion", defaultValue = Defaults.POSTGRES_VERSION)
    private String postgresVersion;

    /** A zonky binaries jar for an embedded PostgreSQL version other than the bundled 17. */
    @Parameter(property = "authschema.embeddedBinaries")
    private File embeddedBinaries;

    /** An external server's JDBC URL; the goal works only in a database it creates there and drops. */
    @Parameter(property = "authschema.url")
    protected String url;

    /** The external server's superuser. */
    @Parameter(property = "authschema.user")
    private String user;

    /** The external server's password; never printed. Prefer serverId. */
    @Parameter(property = "authschema.password")
    private String password;

    /** A server id in settings.xml whose username and password are used for url. */
    @Parameter(property = "authschema.serverId")
    private String serverId;

    /**
     * Per-rule settings: {@code <rule><id>rule-id</id><severity>OFF|INFO|WARN|ERROR</severity>
     * <excludes><exclude>public.legacy_*</exclude></excludes></rule>}.
     */
    @Parameter
    private List<RuleOverride> rules;

    /** Names of home-made user tables that foreign keys should not point at. */
    @Parameter(property = "authschema.shadowUserTables", defaultValue = Defaults.SHADOW_USER_TABLES)
    private List<String> shadowUserTables;

    /** Longest a single migration statement may run before it is cancelled, in seconds. */
    @Parameter(property = "authschema.statementTimeout", defaultValue = Defaults.STATEMENT_TIMEOUT_SECONDS)
    private int statementTimeout;

    /** Where reports are written. */
    @Parameter(property = "authschema.reportDirectory", defaultValue = "${project.build.directory}/authschema")
    protected File reportDirectory;

    /**
     * Directories of project rules written as SQL: each .sql file returns rows (object, message) and
     * names itself in front-matter comments (-- id:, -- severity:, -- summary:).
     */
    @Parameter(property = "authschema.sqlRules")
    private List<File> sqlRules;

    /** Skips the goal. */
    @Parameter(property = "authschema.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("authschema:" + goal() + " is skipped (authschema.skip=true).");
            return;
        }
        VerifyConfig config = configure();
        prepare();
        handle(run(config));
    }

    /** Verifies on a throwaway database; audit overrides it to read a live one. */
    protected VerifyResult run(VerifyConfig config) throws MojoExecutionException {
        return userErrorsAsMessages(() -> new Verifier(mavenLog()).verify(config));
    }

    /** A problem the user can fix becomes one message; anything else is a broken tool. */
    protected final VerifyResult userErrorsAsMessages(java.util.function.Supplier<VerifyResult> work) throws MojoExecutionException {
        try {
            return work.get();
        } catch (SupabaseKitException | IllegalArgumentException e) {
            getLog().debug(e);
            throw new MojoExecutionException(e.getMessage());
        } catch (IllegalStateException e) {
            getLog().debug(e);
            throw new MojoExecutionException("authschema failed internally: " + e.getMessage(), e);
        }
    }

    /** The goal's name, for messages. */
    protected abstract String goal();

    /** Checks the goal's own settings before the (slower) verification starts. */
    protected void prepare() throws MojoExecutionException {
    }

    protected abstract void handle(VerifyResult result) throws MojoExecutionException, MojoFailureException;

    private VerifyConfig configure() throws MojoExecutionException {
        VerifyConfig config = new VerifyConfig(basedir.toPath());
        try {
            if (migrations != null && !migrations.isEmpty()) {
                config.locations(migrations);
            }
            config.postgresVersion(postgresVersion).statementTimeout(Duration.ofSeconds(statementTimeout));
            if (embeddedBinaries != null) {
                config.embeddedBinaries(embeddedBinaries.toPath());
            }
            Engine chosen = Engine.parse(engine);
            if (url != null && !url.isBlank()) {
                String[] credentials = credentials();
                config.external(url, credentials[0], credentials[1]);
            } else if (chosen == Engine.EXTERNAL) {
                throw new MojoExecutionException("engine EXTERNAL needs url (authschema.url), for example jdbc:postgresql://localhost:5432/postgres.");
            } else {
                config.engine(chosen);
            }
            if (rules != null) {
                for (RuleOverride r : rules) {
                    if (r.id == null || r.id.isBlank()) {
                        throw new MojoExecutionException("A <rule> in <rules> has no <id>. Give the rule id, such as auth-fk-missing-cascade.");
                    }
                    Severity severity = r.severity == null || r.severity.isBlank() ? null : Severity.parse(r.severity, "severity for rule " + r.id);
                    config.rule(r.id.trim(), severity, r.excludes);
                }
            }
            if (sqlRules != null) {
                config.sqlRules(sqlRules.stream().map(File::toPath).collect(java.util.stream.Collectors.toList()));
            }
            if (shadowUserTables != null) {
                config.shadowUserTables(new LinkedHashSet<>(shadowUserTables));
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        return config;
    }

    /**
     * User and password for the live database at {@code url}, which this goal needs;
     * {@code whatItIs} names it in the message when url is missing.
     */
    protected String[] liveDatabaseCredentials(String whatItIs) throws MojoExecutionException {
        if (url == null || url.isBlank()) {
            throw new MojoExecutionException("authschema:" + goal() + " needs " + whatItIs + ": set url (authschema.url), for example "
                    + "-Dauthschema.url=jdbc:postgresql://db.example.com:5432/postgres, and serverId or user/password.");
        }
        return credentials();
    }

    private String[] credentials() throws MojoExecutionException {
        if (serverId == null || serverId.isBlank()) {
            return new String[] {user, password};
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoExecutionException("serverId '" + serverId + "' is not in settings.xml. Add a <server> with that id, "
                    + "or set user and password.");
        }
        return new String[] {server.getUsername(), server.getPassword()};
    }

    protected VerifyLog mavenLog() {
        return new VerifyLog() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }

            @Override
            public void debug(String message) {
                getLog().debug(message);
            }
        };
    }

    /** One {@code <rule>} in {@code <rules>}: id, optional severity, optional object excludes. */
    public static class RuleOverride {
        private String id;
        private String severity;
        private List<String> excludes;

        @Override
        public String toString() {
            return id + "=" + severity;
        }
    }
}
