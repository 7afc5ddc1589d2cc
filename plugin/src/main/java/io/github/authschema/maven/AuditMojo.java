package io.github.authschema.maven;

import io.github.authschema.audit.AuditResult;
import io.github.authschema.audit.Auditor;
import io.github.authschema.report.ReportContent;
import io.github.authschema.rules.engine.BuildGate.Verdict;
import io.github.authschema.rules.engine.RuleRegistry;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * Reads a live database (url, with serverId or user and AUTHSCHEMA_PASSWORD) in a READ ONLY session
 * and reports the damage past mistakes left in its data: orphaned user rows, users without a profile,
 * app users whose id differs from their auth user's, phones not in the auth service's form, data of
 * soft-deleted users. Same reports, failOn and baseline as verify; safe against production.
 */
@Mojo(name = "audit", threadSafe = true, requiresProject = false)
public class AuditMojo extends AbstractAuthschemaMojo {

    /** The lowest severity that fails the build: ERROR, WARN, INFO or NONE. */
    @Parameter(property = "authschema.failOn", defaultValue = "ERROR")
    private String failOn;

    /** Report files to write: any of json, sarif, junit, markdown, html, gitlab (console output is always on). */
    @Parameter(property = "authschema.reportFormats", defaultValue = "json")
    private List<String> reportFormats;

    /** Where reports are written. */
    @Parameter(property = "authschema.reportDirectory", defaultValue = "${project.build.directory}/authschema")
    private File reportDirectory;

    /** Accepted findings written by authschema:baseline; only findings it does not list are reported. */
    @Parameter(property = "authschema.baseline", defaultValue = "${project.basedir}/authschema-baseline.json")
    private File baseline;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected String goal() {
        return "audit";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Reporting reporting = Reporting.of(failOn, baseline, reportFormats, reportDirectory, pluginVersion);
        AuditResult result = new Auditor(mavenLog()).audit(liveDatabase("the database to read"), ruleSettings(), RuleRegistry.ids());
        Verdict verdict = reporting.gate().judge(result.findings());
        ReportContent content = result.report(verdict.reported());
        reporting.show(content, verdict, getLog());
        Reporting.failIfItFails(content, verdict, "");
    }
}
