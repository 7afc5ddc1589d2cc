package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RlsEnabledNoPolicyTest {
    private final RuleFixture fixture = new RuleFixture("rls-enabled-no-policy");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/rls-enabled-no-policy/violating/20240101000000_notes.sql", f.location().file());
        assertEquals(4, f.location().line());
        assertEquals("public.notes", f.object());
        assertEquals(new RlsEnabledNoPolicy().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("no policy"), f.message());
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
