package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiplePermissivePoliciesTest {
    private final RuleFixture fixture = new RuleFixture("multiple-permissive-policies");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/multiple-permissive-policies/violating/20240101000000_notes.sql", f.location().file());
        assertEquals(9, f.location().line());
        assertEquals("public.notes.authenticated.SELECT", f.object());
        assertEquals(new MultiplePermissivePolicies().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("\"own notes\", \"shared notes\""), f.message());
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
