package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferTextFieldTest {
    private final RuleFixture fixture = new RuleFixture("prefer-text-field");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/prefer-text-field/violating/20240101000000_events.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.events.title", f.object());
        assertEquals(new PreferTextField().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("varchar"), f.message());
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
