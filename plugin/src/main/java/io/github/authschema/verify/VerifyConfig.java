package io.github.authschema.verify;

import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleSettings;
import io.github.authschema.rules.Severity;
import io.github.authschema.testkit.Engine;
import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.migrate.MigrationScanner;
import io.github.authschema.testkit.internal.migrate.MigrationSet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What to verify and how: everything the Maven goal's parameters say, without Maven types. */
public final class VerifyConfig {
    final Path baseDir;
    final List<String> locations = new ArrayList<>();
    Engine engine = Engine.EMBEDDED;
    String postgresVersion = Defaults.POSTGRES_VERSION;
    Path embeddedBinaries;
    String url;
    String user;
    String password;
    final Map<String, RuleSettings> ruleSettings = new LinkedHashMap<>();
    final Set<String> shadowUserTables = Defaults.shadowUserTables();
    Duration statementTimeout = Defaults.statementTimeout();
    boolean shareServer;
    final List<Path> sqlRuleDirectories = new ArrayList<>();

    public VerifyConfig(Path baseDir) {
        this.baseDir = baseDir;
    }

    public VerifyConfig locations(List<String> values) {
        locations.clear();
        locations.addAll(values);
        return this;
    }

    public VerifyConfig engine(Engine value) {
        engine = value;
        return this;
    }

    public VerifyConfig postgresVersion(String value) {
        postgresVersion = value;
        return this;
    }

    public VerifyConfig embeddedBinaries(Path jar) {
        embeddedBinaries = jar;
        return this;
    }

    public VerifyConfig external(String url, String user, String password) {
        this.engine = Engine.EXTERNAL;
        this.url = url;
        this.user = user;
        this.password = password;
        return this;
    }

    public VerifyConfig ruleSeverity(String ruleId, Severity severity) {
        return rule(ruleId, severity, List.of());
    }

    /** A rule's severity (null keeps its default) and the objects it should not report (globs such as public.legacy_*). */
    public VerifyConfig rule(String ruleId, Severity severity, List<String> excludes) {
        ruleSettings.put(ruleId, new RuleSettings(severity, excludes));
        return this;
    }

    public VerifyConfig shadowUserTables(Set<String> names) {
        shadowUserTables.clear();
        shadowUserTables.addAll(names);
        return this;
    }

    public VerifyConfig statementTimeout(Duration value) {
        statementTimeout = value;
        return this;
    }

    /**
     * Use the JVM-wide shared server instead of starting one and stopping it afterwards: for tests
     * and benchmarks that verify many times in one JVM. The Maven goal starts its own.
     */
    public VerifyConfig shareServer(boolean value) {
        shareServer = value;
        return this;
    }

    /** Directories of SQL rules, relative to the base directory. */
    public VerifyConfig sqlRules(List<Path> directories) {
        sqlRuleDirectories.clear();
        sqlRuleDirectories.addAll(directories);
        return this;
    }

    public Map<String, RuleSettings> ruleSettings() {
        return Map.copyOf(ruleSettings);
    }

    /** The configured locations, or the conventional ones that exist; none is an error that says what to set. */
    List<String> migrationLocations() {
        List<String> found = locations.isEmpty() ? new MigrationScanner(baseDir).detectDefaultLocations() : locations;
        if (found.isEmpty()) {
            throw new SupabaseKitException("No migrations found: neither src/main/resources/db/migration nor supabase/migrations exists in "
                    + baseDir + ". Set <migrations> to your migration directory.");
        }
        return found;
    }

    MigrationSet scanMigrations() {
        return new MigrationScanner(baseDir).scan(migrationLocations());
    }
}
