package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IfNotExistsSkippedTest {
    private final RuleFixture fixture = new RuleFixture("if-not-exists-skipped");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/if-not-exists-skipped/violating/20240102000000_profiles_again.sql", f.location().file());
        assertEquals(2, f.location().line());
        assertEquals("public.profiles", f.object());
        assertEquals(new IfNotExistsSkipped().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("Missing: phone"), f.message());
        assertTrue(f.message().contains("created at rules/if-not-exists-skipped/violating/20240101000000_profiles.sql:1"), f.message());
    }

    @Test
    void cleanSchemaIsNotReported() {
        assertEquals(List.of(), fixture.findings("clean"));
    }

    @Test
    void addingTheMissingColumnsLeavesAWarningNotAnError() {
        List<Finding> findings = fixture.findings("violating", "fix");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.WARN, findings.get(0).severity());
    }
}
