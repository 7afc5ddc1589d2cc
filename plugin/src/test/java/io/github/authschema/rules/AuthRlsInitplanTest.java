package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthRlsInitplanTest {
    private final RuleFixture fixture = new RuleFixture("auth-rls-initplan");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/auth-rls-initplan/violating/20240101000000_notes.sql", f.location().file());
        assertEquals(7, f.location().line());
        assertEquals("public.notes.own notes", f.object());
        assertEquals(new AuthRlsInitplan().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("auth.uid()"), f.message());
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
