package io.github.authschema.maven;

import io.github.authschema.report.ConsoleReport;
import io.github.authschema.testkit.Engine;
import io.github.authschema.verify.MigrateResult;
import io.github.authschema.verify.Migrator;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Releases the migrations to a real database (url, with serverId or user/password): first the full
 * verify on a throwaway database, and only if it passes at failOn, the pending migrations, each in
 * its own transaction under a lock. History goes where the project's tool keeps it: the Supabase
 * CLI's supabase_migrations.schema_migrations, or Flyway's table. Edited, missing or out-of-order
 * migrations stop it; objects that differ from what the migrations build are reported as drift.
 */
@Mojo(name = "migrate", threadSafe = true, requiresProject = true)
public class MigrateMojo extends VerifyMojo {

    /** Print what would be applied, and the verification result, without touching the target. */
    @Parameter(property = "authschema.dryRun", defaultValue = "false")
    private boolean dryRun;

    private MigrateResult result;

    @Override
    protected String goal() {
        return "migrate";
    }

    @Override
    protected VerifyResult run(VerifyConfig config) throws MojoExecutionException {
        String[] credentials = liveDatabaseCredentials("the target database");
        // the url is the release target; verification always runs on a throwaway embedded database
        config.engine(Engine.EMBEDDED);
        return userErrorsAsMessages(() -> {
            result = new Migrator(mavenLog()).migrate(config, url, credentials[0], credentials[1], failOnThreshold(), dryRun);
            return result.verification();
        });
    }

    @Override
    protected void handle(VerifyResult verification) throws MojoExecutionException, MojoFailureException {
        if (result.refused() && result.historyProblems().isEmpty()) {
            getLog().error("Verification failed at failOn; nothing was applied to the target.");
            super.handle(verification); // prints the findings and fails the build
            throw new MojoFailureException("Verification failed; nothing was applied to the target.");
        }
        getLog().info(ConsoleReport.summary(verification));
        for (String problem : result.historyProblems()) {
            getLog().error("  " + problem);
        }
        for (String line : result.onlyInTarget()) {
            getLog().warn("  drift, only in the target (made by hand?): " + line);
        }
        for (String line : result.onlyInMigrations()) {
            getLog().warn("  drift, only in the migrations: " + line);
        }
        if (!result.historyProblems().isEmpty()) {
            throw new MojoFailureException("The target's migration history does not match the files ("
                    + result.historyProblems().size() + " problem(s) above); nothing was applied.");
        }
        if (dryRun) {
            getLog().info("Dry run: " + result.pending().size() + " migration(s) would be applied" + (result.pending().isEmpty() ? "."
                    : ": " + String.join(", ", result.pending())));
            return;
        }
        if (result.failure().isPresent()) {
            throw new MojoFailureException("Migration failed on the target, and was rolled back: " + result.failure().get().describe());
        }
        getLog().info("Applied " + result.applied().size() + " migration(s) to the target.");
    }
}
