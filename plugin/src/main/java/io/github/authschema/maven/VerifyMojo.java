package io.github.authschema.maven;

import io.github.authschema.report.ReportContent;
import io.github.authschema.rules.engine.BuildGate.Verdict;
import io.github.authschema.verify.Verifier;
import io.github.authschema.verify.VerifyResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * Applies the project's migrations to a throwaway Supabase-like database, simulates sign-up and
 * delete flows, runs the rules and fails the build on findings at or above {@code failOn}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class VerifyMojo extends AbstractVerifyingMojo {

    /** The lowest severity that fails the build: ERROR, WARN, INFO or NONE. */
    @Parameter(property = "authschema.failOn", defaultValue = "ERROR")
    private String failOn;

    /**
     * Report files to write: any of json, sarif, junit, markdown, html, gitlab (console output is always
     * on). On GitHub Actions findings are also printed as annotations, and the Markdown summary is
     * appended to the job summary.
     */
    @Parameter(property = "authschema.reportFormats", defaultValue = "json")
    private List<String> reportFormats;

    /** Where reports are written. */
    @Parameter(property = "authschema.reportDirectory", defaultValue = "${project.build.directory}/authschema")
    private File reportDirectory;

    /**
     * Accepted findings written by authschema:baseline. When the file exists, only findings it does not
     * list are reported and can fail the build; listed ones that are gone are reported as fixed.
     */
    @Parameter(property = "authschema.baseline", defaultValue = "${project.basedir}/authschema-baseline.json")
    private File baseline;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected String goal() {
        return "verify";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Reporting reporting = Reporting.of(failOn, baseline, reportFormats, reportDirectory, pluginVersion);
        VerifyResult result = new Verifier(mavenLog()).verify(verifyConfig(true));
        Verdict verdict = reporting.gate().judge(result.findings());
        ReportContent content = result.report(verdict.reported());
        reporting.show(content, verdict, getLog());
        Reporting.failIfItFails(content, verdict,
                result.migrationFailure().map(f -> ". The failing migration: " + f.describe()).orElse(""));
    }
}
