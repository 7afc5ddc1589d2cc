package io.github.authschema.verify;

import io.github.authschema.rules.Finding;
import io.github.authschema.rules.RuleFixture;
import io.github.authschema.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * verify reads supabase/config.toml for what it says (supabase/cli apps/cli-go/pkg/config): the Data API
 * default and which ways in are on. A way in that is off is still replayed; its failure is reported at
 * INFO, as one that waits for the day it is turned on.
 */
class SupabaseConfigTest {
    @TempDir
    Path project;

    private VerifyResult verify(String configToml) throws Exception {
        Path migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        Path fixture = RuleFixture.resourceRoot().resolve("rules/signup-trigger-fails/violating/20240101000000_profiles.sql");
        Files.copy(fixture, migrations.resolve("20240101000000_profiles.sql"));
        if (configToml != null) {
            Files.writeString(project.resolve("supabase/config.toml"), configToml);
        }
        return new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(project).shareServer(true));
    }

    private static List<Severity> signupFailures(VerifyResult result) {
        return result.findings().stream().filter(f -> f.rule().equals("signup-trigger-fails")).map(Finding::severity)
                .collect(Collectors.toList());
    }

    @Test
    void withoutConfigTomlEveryWayInCounts() throws Exception {
        assertEquals(List.of(Severity.ERROR, Severity.ERROR), signupFailures(verify(null)));
    }

    @Test
    void aWayInThatConfigTomlTurnsOffFailsAtInfoAndSaysSo() throws Exception {
        VerifyResult result = verify("[auth]\nenable_anonymous_sign_ins = false\n\n[auth.sms]\nenable_signup = false\n");
        List<Finding> found = result.findings().stream().filter(f -> f.rule().equals("signup-trigger-fails")).toList();
        assertEquals(List.of(Severity.INFO, Severity.INFO), found.stream().map(Finding::severity).toList(), found.toString());
        assertTrue(found.get(0).message().contains("[auth.sms] enable_signup = false in supabase/config.toml"), found.get(0).message());
        assertTrue(found.get(0).message().endsWith("it fails as soon as you turn it on."), found.get(0).message());
    }

    @Test
    void whatVerifyUsesIsLoggedWithWhereItCameFrom() throws Exception {
        List<String> lines = new ArrayList<>();
        Path migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(migrations.resolve("20240101000000_t.sql"), "create table public.t (id bigint primary key);\n");
        Files.writeString(project.resolve("supabase/config.toml"), "[api]\nauto_expose_new_tables = true\n");
        new Verifier(new VerifyLog() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }

            @Override
            public void debug(String message) {
            }
        }).verify(new VerifyConfig(project).shareServer(true));
        assertTrue(lines.contains("PostgreSQL 17 (default); new tables in public are granted to the API roles "
                + "(supabase/config.toml [api] auto_expose_new_tables)"), lines.toString());
    }
}
