package io.github.authschema.maven;

import io.github.authschema.report.ConsoleReport;
import io.github.authschema.report.GithubAnnotations;
import io.github.authschema.report.ReportFormat;
import io.github.authschema.report.Reports;
import io.github.authschema.rules.Rules;
import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.Engine;
import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.migrate.MigrationFailure;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;
import io.github.authschema.verify.Verifier;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the project's migrations to a throwaway Supabase-like database, simulates sign-up and
 * delete flows, runs the rules and fails the build on findings at or above {@code failOn}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class VerifyMojo extends AbstractMojo {

    /** Flyway-style migration locations; default: src/main/resources/db/migration or supabase/migrations. */
    @Parameter(property = "authschema.migrations")
    private List<String> migrations;

    /** EMBEDDED (default, no Docker), TESTCONTAINERS or EXTERNAL. Setting url implies EXTERNAL. */
    @Parameter(property = "authschema.engine", defaultValue = "EMBEDDED")
    private String engine;

    /** PostgreSQL major version. */
    @Parameter(property = "authschema.postgresVersion", defaultValue = "17")
    private String postgresVersion;

    /** A zonky binaries jar for an embedded PostgreSQL version other than the bundled 17. */
    @Parameter(property = "authschema.embeddedBinaries")
    private File embeddedBinaries;

    /** An external server's JDBC URL; the goal works only in a database it creates there and drops. */
    @Parameter(property = "authschema.url")
    private String url;

    /** The external server's superuser. */
    @Parameter(property = "authschema.user")
    private String user;

    /** The external server's password; never printed. Prefer serverId. */
    @Parameter(property = "authschema.password")
    private String password;

    /** A server id in settings.xml whose username and password are used for url. */
    @Parameter(property = "authschema.serverId")
    private String serverId;

    /** The lowest severity that fails the build: ERROR, WARN, INFO or NONE. */
    @Parameter(property = "authschema.failOn", defaultValue = "ERROR")
    private String failOn;

    /** Severity overrides: {@code <rule><id>rule-id</id><severity>OFF|INFO|WARN|ERROR</severity></rule>}. */
    @Parameter
    private List<RuleOverride> rules;

    /** Names of home-made user tables that foreign keys should not point at. */
    @Parameter(property = "authschema.shadowUserTables", defaultValue = "users,user,app_users")
    private List<String> shadowUserTables;

    /** Longest a single migration statement may run before it is cancelled, in seconds. */
    @Parameter(property = "authschema.statementTimeout", defaultValue = "300")
    private int statementTimeout;

    /**
     * Report files to write: any of json, sarif, junit, markdown, html (console output is always on).
     * On GitHub Actions findings are also printed as annotations, and the Markdown summary is appended
     * to the job summary.
     */
    @Parameter(property = "authschema.reportFormats", defaultValue = "json")
    private List<String> reportFormats;

    /** Where reports are written. */
    @Parameter(property = "authschema.reportDirectory", defaultValue = "${project.build.directory}/authschema")
    private File reportDirectory;

    /** Skips the goal. */
    @Parameter(property = "authschema.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("authschema:verify is skipped (authschema.skip=true).");
            return;
        }
        VerifyConfig config = configure();
        Severity threshold = parseFailOn();
        Set<ReportFormat> formats = parseFormats();
        VerifyResult result;
        try {
            result = new Verifier(mavenLog()).verify(config);
        } catch (SupabaseKitException | IllegalArgumentException e) {
            getLog().debug(e);
            throw new MojoExecutionException(e.getMessage());
        } catch (IllegalStateException e) {
            getLog().debug(e);
            throw new MojoExecutionException("authschema failed internally: " + e.getMessage(), e);
        }
        for (ConsoleReport.Line line : ConsoleReport.lines(result)) {
            if (line.level() == Severity.ERROR) {
                getLog().error(line.text());
            } else if (line.level() == Severity.WARN) {
                getLog().warn(line.text());
            } else {
                getLog().info(line.text());
            }
        }
        try {
            for (Path file : Reports.write(result, Rules.all(), formats, reportDirectory.toPath(), pluginVersion == null ? "dev" : pluginVersion)) {
                getLog().info("Report: " + file);
            }
            if ("true".equals(System.getenv("GITHUB_ACTIONS"))) {
                // workflow commands must start the line, so they bypass Maven's log prefix
                GithubAnnotations.lines(result).forEach(System.out::println);
                String summary = System.getenv("GITHUB_STEP_SUMMARY");
                if (summary != null && !summary.isBlank()) {
                    Reports.appendStepSummary(result, Path.of(summary));
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + reportDirectory + ": " + e.getMessage(), e);
        }
        if (result.fails(threshold)) {
            MigrationFailure failure = result.migrationFailure().orElse(null);
            throw new MojoFailureException(ConsoleReport.summary(result) + " at or above failOn=" + threshold
                    + (failure == null ? "" : ". The failing migration: " + failure.describe())
                    + System.lineSeparator() + ConsoleReport.docHint());
        }
    }

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
                    config.ruleSeverity(r.id.trim(), Severity.parse(r.severity, "severity for rule " + r.id));
                }
            }
            if (shadowUserTables != null) {
                config.shadowUserTables(new LinkedHashSet<>(shadowUserTables));
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        return config;
    }

    private Set<ReportFormat> parseFormats() throws MojoExecutionException {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        try {
            for (String f : reportFormats == null ? List.<String>of() : reportFormats) {
                if (!f.isBlank()) {
                    formats.add(ReportFormat.parse(f));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        return formats;
    }

    private Severity parseFailOn() throws MojoExecutionException {
        if ("NONE".equalsIgnoreCase(failOn == null ? "" : failOn.trim())) {
            return Severity.OFF;
        }
        try {
            return Severity.parse(failOn, "failOn");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid failOn '" + failOn + "'. Use one of: ERROR, WARN, INFO, NONE.");
        }
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

    private VerifyLog mavenLog() {
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

    /** One {@code <rule>} in {@code <rules>}. */
    public static class RuleOverride {
        private String id;
        private String severity;

        @Override
        public String toString() {
            return id + "=" + severity;
        }
    }
}
