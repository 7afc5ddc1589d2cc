package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyExistsRlsDisabledTest {
    private final RuleFixture fixture = new RuleFixture("policy-exists-rls-disabled");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/policy-exists-rls-disabled/violating/20240101000000_notes.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("public.notes", f.object());
        assertEquals(new PolicyExistsRlsDisabled().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("RLS is disabled"), f.message());
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
