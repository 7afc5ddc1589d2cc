package io.github.authschema.maven;

import io.github.authschema.report.ConsoleReport;
import io.github.authschema.report.GithubAnnotations;
import io.github.authschema.report.ReportFormat;
import io.github.authschema.report.Reports;
import io.github.authschema.rules.Baseline;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;
import io.github.authschema.verify.VerifyResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the project's migrations to a throwaway Supabase-like database, simulates sign-up and
 * delete flows, runs the rules and fails the build on findings at or above {@code failOn}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class VerifyMojo extends AbstractAuthschemaMojo {

    /** The lowest severity that fails the build: ERROR, WARN, INFO or NONE. */
    @Parameter(property = "authschema.failOn", defaultValue = "ERROR")
    private String failOn;

    /**
     * Report files to write: any of json, sarif, junit, markdown, html (console output is always on).
     * On GitHub Actions findings are also printed as annotations, and the Markdown summary is appended
     * to the job summary.
     */
    @Parameter(property = "authschema.reportFormats", defaultValue = "json")
    private List<String> reportFormats;

    /**
     * Accepted findings written by authschema:baseline. When the file exists, only findings it does not
     * list are reported and can fail the build; listed ones that are gone are reported as fixed.
     */
    @Parameter(property = "authschema.baseline", defaultValue = "${project.basedir}/authschema-baseline.json")
    private File baseline;

    private Severity threshold;
    private Set<ReportFormat> formats;

    /** The parsed failOn, after {@link #prepare()}. */
    protected Severity failOnThreshold() {
        return threshold;
    }

    @Override
    protected String goal() {
        return "verify";
    }

    @Override
    protected void prepare() throws MojoExecutionException {
        threshold = parseFailOn();
        formats = parseFormats();
    }

    @Override
    protected void handle(VerifyResult all) throws MojoExecutionException, MojoFailureException {
        VerifyResult result = all;
        if (baseline != null && baseline.isFile()) {
            Baseline accepted;
            try {
                accepted = Baseline.read(baseline.toPath());
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException(e.getMessage());
            }
            List<Finding> fresh = accepted.newFindings(all.findings());
            getLog().info("Baseline " + baseline + " accepts " + (all.findings().size() - fresh.size()) + " of "
                    + all.findings().size() + " findings.");
            for (String fixed : accepted.fixed(all.findings())) {
                getLog().info("  fixed since the baseline: " + fixed + " (run authschema:baseline to drop it)");
            }
            result = all.withFindings(fresh);
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
            for (Path file : Reports.write(result, result.rules(), formats, reportDirectory.toPath(), pluginVersion == null ? "dev" : pluginVersion)) {
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

}
