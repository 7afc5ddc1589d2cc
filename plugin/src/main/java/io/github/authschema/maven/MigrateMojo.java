package io.github.authschema.maven;

import io.github.authschema.release.FailOnDrift;
import io.github.authschema.release.MigrateResult;
import io.github.authschema.release.Migrator;
import io.github.authschema.report.ReportContent;
import io.github.authschema.testkit.Engine;
import io.github.authschema.verify.VerifyConfig;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Releases the migrations to a real database (url, with serverId or user and AUTHSCHEMA_PASSWORD):
 * first the full verify on a throwaway database, and only if it passes the build gate (failOn and
 * the baseline), and only if the target is what its applied migrations build (failOnDrift), the
 * pending migrations, each in its own transaction, with a lock_timeout. History goes where the
 * project's tool keeps it: the Supabase CLI's supabase_migrations.schema_migrations, or Flyway's
 * table. Edited, missing or out-of-order migrations stop it; a CREATE … IF NOT EXISTS the target
 * would skip for an object of another shape is refused; other differences are reported as drift.
 */
@Mojo(name = "migrate", threadSafe = true, requiresProject = true)
public class MigrateMojo extends AbstractVerifyingMojo {

    /** The lowest severity of the verification's findings that stops the release: ERROR, WARN, INFO or NONE. */
    @Parameter(property = "authschema.failOn", defaultValue = "ERROR")
    private String failOn;

    /** Report files of the verification to write: any of json, sarif, junit, markdown, html, gitlab. */
    @Parameter(property = "authschema.reportFormats", defaultValue = "json")
    private List<String> reportFormats;

    /** Where reports are written. */
    @Parameter(property = "authschema.reportDirectory", defaultValue = "${project.build.directory}/authschema")
    private File reportDirectory;

    /** Accepted findings written by authschema:baseline; they do not stop the release. */
    @Parameter(property = "authschema.baseline", defaultValue = "${project.basedir}/authschema-baseline.json")
    private File baseline;

    /** Print what would be applied, and the verification result, without touching the target. */
    @Parameter(property = "authschema.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Before its first write, migrate compares the target with what its applied migrations build.
     * TOUCHED: differences in objects the pending migrations create, alter or name stop the release
     * (a skipped CREATE TABLE IF NOT EXISTS, an ALTER of a column that is not there); ANY: every
     * difference stops it; NONE: differences are only reported.
     */
    @Parameter(property = "authschema.failOnDrift", defaultValue = "TOUCHED")
    private String failOnDrift;

    /**
     * Seconds a statement on the target may wait for a lock before it gives up, naming the session
     * that holds it: a migration waiting behind live traffic queues every query on that table (every
     * sign-up, for auth.users) behind itself.
     */
    @Parameter(property = "authschema.lockTimeout", defaultValue = "5")
    private int lockTimeout;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected String goal() {
        return "migrate";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Reporting reporting = Reporting.of(failOn, baseline, reportFormats, reportDirectory, pluginVersion);
        // the url is the release target; verification always runs on a throwaway embedded database
        VerifyConfig config = verifyConfig(false).engine(Engine.EMBEDDED);
        if (lockTimeout < 1) {
            throw new MojoExecutionException("lockTimeout must be at least 1 second; got " + lockTimeout + ".");
        }
        Migrator.Options options = new Migrator.Options(dryRun, FailOnDrift.parse(failOnDrift), Duration.ofSeconds(lockTimeout));
        MigrateResult result = new Migrator(mavenLog()).migrate(config, liveDatabase("the target database"), reporting.gate(), options);
        ReportContent content = result.verification().report(result.verdict().reported());
        reporting.show(content, result.verdict(), getLog());
        if (result instanceof MigrateResult.Refused) {
            getLog().error("Verification failed at failOn; nothing was applied to the target.");
            Reporting.failIfItFails(content, result.verdict(), "; nothing was applied to the target");
            return;
        }
        if (result instanceof MigrateResult.HistoryMismatch mismatch) {
            mismatch.problems().forEach(p -> getLog().error("  " + p));
            logDrift(mismatch.drift());
            throw new MojoFailureException("The target's migration history does not match the files ("
                    + mismatch.problems().size() + " problem(s) above); nothing was applied.");
        }
        if (result instanceof MigrateResult.Drifted drifted) {
            logDrifted(drifted);
            throw new MojoFailureException("Nothing was applied: the target differs from what its applied migrations build"
                    + (drifted.conflicts().isEmpty() ? "" : " where the pending migrations meet it")
                    + ". Make the target match (by hand, or with a migration that brings it in line), point url at the right "
                    + "database, or set failOnDrift=NONE to apply anyway.");
        }
        if (result instanceof MigrateResult.DryRun plan) {
            logDrift(plan.drift());
            getLog().info("Dry run: " + plan.pending().size() + " migration(s) would be applied"
                    + (plan.pending().isEmpty() ? "." : ": " + String.join(", ", plan.pending())));
            return;
        }
        MigrateResult.Applied applied = (MigrateResult.Applied) result;
        logDrift(applied.drift());
        if (applied.failure().isPresent()) {
            throw new MojoFailureException("Migration failed on the target, and was rolled back: " + applied.failure().get().describe());
        }
        getLog().info("Applied " + applied.applied().size() + " migration(s) to the target.");
    }

    private void logDrifted(MigrateResult.Drifted drifted) {
        getLog().error("The target is not what its " + drifted.appliedBefore() + " applied migration(s) build"
                + (drifted.conflicts().isEmpty() ? " (failOnDrift=ANY):" : ", where the pending migrations meet it:"));
        drifted.skips().forEach(s -> getLog().error("  " + s));
        Map<String, List<MigrateResult.Conflict>> byStatement = new LinkedHashMap<>();
        drifted.conflicts().forEach(c -> byStatement.computeIfAbsent(c.file() + ":" + c.line() + " meets " + c.object(), k -> new ArrayList<>()).add(c));
        byStatement.forEach((where, conflicts) -> {
            getLog().error("  " + where + ", which differs on the target:");
            conflicts.forEach(c -> getLog().error("      " + c.difference()));
        });
        Set<String> met = drifted.conflicts().stream().map(c -> c.difference().replaceFirst("^[^:]+: ", "")).collect(Collectors.toSet());
        if (drifted.conflicts().isEmpty()) {
            drifted.drift().onlyInTarget().forEach(line -> getLog().error("  only on the target: " + line));
            drifted.drift().onlyInMigrations().forEach(line -> getLog().error("  missing on the target: " + line));
        } else {
            drifted.drift().onlyInTarget().stream().filter(l -> !met.contains(l))
                    .forEach(line -> getLog().warn("  drift no pending migration meets, only on the target: " + line));
            drifted.drift().onlyInMigrations().stream().filter(l -> !met.contains(l))
                    .forEach(line -> getLog().warn("  drift no pending migration meets, missing on the target: " + line));
        }
    }

    private void logDrift(MigrateResult.Drift drift) {
        drift.onlyInTarget().forEach(line -> getLog().warn("  drift, only in the target (made by hand?): " + line));
        drift.onlyInMigrations().forEach(line -> getLog().warn("  drift, only in the migrations: " + line));
    }
}
