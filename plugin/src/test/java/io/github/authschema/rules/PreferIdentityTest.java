package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferIdentityTest {
    private final RuleFixture fixture = new RuleFixture("prefer-identity");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/prefer-identity/violating/20240101000000_events.sql", f.location().file());
        assertEquals(2, f.location().line());
        assertEquals("public.events.id", f.object());
        assertEquals(new PreferIdentity().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("serial"), f.message());
    }

    @Test
    void cleanSchemaIsNotReported() {
        assertEquals(List.of(), fixture.findings("clean"));
    }

    @Test
    void theFixSilencesIt() {
        assertEquals(List.of(), fixture.findings("violating", "fix"));
    }
}
