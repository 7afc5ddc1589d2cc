package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityDefinerViewTest {
    private final RuleFixture fixture = new RuleFixture("security-definer-view");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/security-definer-view/violating/20240101000000_view.sql", f.location().file());
        assertEquals(9, f.location().line());
        assertEquals("public.note_bodies", f.object());
        assertEquals(new SecurityDefinerView().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("not security_invoker"), f.message());
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
