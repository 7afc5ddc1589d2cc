package io.github.authschema.maven;

import io.github.authschema.rules.engine.Baseline;
import io.github.authschema.verify.Verifier;
import io.github.authschema.verify.VerifyResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;

/**
 * Runs the same verification as authschema:verify and writes every current finding to the baseline
 * file, so that later verify and migrate runs report only new ones. Commit the file.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = true)
public class BaselineMojo extends AbstractVerifyingMojo {

    /** The baseline file to write. */
    @Parameter(property = "authschema.baseline", defaultValue = "${project.basedir}/authschema-baseline.json")
    private File baseline;

    @Override
    protected String goal() {
        return "baseline";
    }

    @Override
    protected void run() throws MojoExecutionException {
        VerifyResult result = new Verifier(mavenLog()).verify(verifyConfig(true));
        try {
            Baseline.of(result.findings()).write(baseline.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the baseline " + baseline + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote " + result.findings().size() + " finding(s) to " + baseline + ". Later verify runs report only new ones.");
    }
}
