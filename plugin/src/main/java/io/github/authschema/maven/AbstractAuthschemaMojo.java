package io.github.authschema.maven;

import io.github.authschema.rules.Severity;
import io.github.authschema.rules.engine.RuleSettings;
import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.verify.Credentials;
import io.github.authschema.verify.VerifyLog;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every authschema goal shares: the skip flag, the per-rule settings, a server's credentials,
 * the log, and how errors become Maven's. A problem the user can fix is one plain message; anything
 * else is a bug in authschema and says so.
 */
public abstract class AbstractAuthschemaMojo extends AbstractMojo {
    /** The environment variable read for the password when none is configured, as Flyway reads FLYWAY_PASSWORD. */
    static final String PASSWORD_VARIABLE = "AUTHSCHEMA_PASSWORD";

    /** Skips the goal. */
    @Parameter(property = "authschema.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Per-rule settings, shared by every goal (each applies the ids it knows):
     * {@code <rule><id>rule-id</id><severity>OFF|INFO|WARN|ERROR</severity>
     * <excludes><exclude>public.legacy_*</exclude></excludes></rule>}.
     */
    @Parameter
    private List<RuleOverride> rules;

    /** A server's JDBC URL. For verify: an existing server to verify on, in a database it creates and drops. */
    @Parameter(property = "authschema.url")
    private String url;

    /** The server's user. */
    @Parameter(property = "authschema.user")
    private String user;

    /**
     * The server's password. Prefer serverId or the AUTHSCHEMA_PASSWORD environment variable: a
     * {@code -D} property ends up in debug logs.
     */
    @Parameter(property = "authschema.password")
    private String password;

    /** A server id in settings.xml whose username and password are used for url. */
    @Parameter(property = "authschema.serverId")
    private String serverId;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("authschema:" + goal() + " is skipped (authschema.skip=true).");
            return;
        }
        try {
            run();
        } catch (SupabaseKitException userError) {
            getLog().debug(userError);
            throw new MojoExecutionException(userError.getMessage());
        } catch (RuntimeException bug) {
            throw new MojoExecutionException("authschema failed internally, which is a bug in authschema, not in your project: "
                    + bug + ". Run with -e for the stack trace and report it.", bug);
        }
    }

    /** The goal's name, for messages. */
    protected abstract String goal();

    /** The goal's work. Throw {@link SupabaseKitException} for what the user must fix. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The settings of {@code <rules>}, by rule id. */
    protected final Map<String, RuleSettings> ruleSettings() throws MojoExecutionException {
        Map<String, RuleSettings> out = new LinkedHashMap<>();
        for (RuleOverride r : rules == null ? List.<RuleOverride>of() : rules) {
            if (r.id == null || r.id.isBlank()) {
                throw new MojoExecutionException("A <rule> in <rules> has no <id>. Give the rule id, such as auth-fk-missing-cascade.");
            }
            Severity severity = r.severity == null || r.severity.isBlank() ? null : Severity.parse(r.severity, "severity for rule " + r.id);
            out.put(r.id.trim(), new RuleSettings(severity, r.excludes));
        }
        return out;
    }

    /** The configured server, if url is set. */
    protected final Optional<Credentials> server() throws MojoExecutionException {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (serverId != null && !serverId.isBlank()) {
            Server server = settings == null ? null : settings.getServer(serverId);
            if (server == null) {
                throw new MojoExecutionException("serverId '" + serverId + "' is not in settings.xml. Add a <server> with that id, "
                        + "or set user and password.");
            }
            return Optional.of(new Credentials(url, server.getUsername(), server.getPassword()));
        }
        return Optional.of(new Credentials(url, user, password != null ? password : System.getenv(PASSWORD_VARIABLE)));
    }

    /** The live database this goal works on; {@code whatItIs} names it when url is missing. */
    protected final Credentials liveDatabase(String whatItIs) throws MojoExecutionException {
        return server().orElseThrow(() -> new MojoExecutionException("authschema:" + goal() + " needs " + whatItIs
                + ": set url (authschema.url), for example -Dauthschema.url=jdbc:postgresql://db.example.com:5432/postgres, "
                + "and serverId, or user with the password in " + PASSWORD_VARIABLE + "."));
    }

    protected final VerifyLog mavenLog() {
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
