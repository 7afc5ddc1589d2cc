package io.github.authschema.maven;

import io.github.authschema.audit.Auditor;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Reads a live database (url, user, password or serverId) in a READ ONLY session and reports the
 * damage past mistakes left in its data: orphaned user rows, users without a profile, app users whose
 * id differs from their auth user's, phones not in the auth service's form, data of soft-deleted users.
 * Same reports and failOn as verify; safe against production.
 */
@Mojo(name = "audit", threadSafe = true, requiresProject = false)
public class AuditMojo extends VerifyMojo {

    @Override
    protected String goal() {
        return "audit";
    }

    @Override
    protected VerifyResult run(VerifyConfig config) throws MojoExecutionException {
        String[] credentials = liveDatabaseCredentials("the database to read");
        return userErrorsAsMessages(() -> new Auditor(mavenLog()).audit(url, credentials[0], credentials[1], config.ruleSettings()));
    }
}
