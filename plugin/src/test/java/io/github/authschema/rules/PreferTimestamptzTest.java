package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferTimestamptzTest {
    private final RuleFixture fixture = new RuleFixture("prefer-timestamptz");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/prefer-timestamptz/violating/20240101000000_events.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.events.happened_at", f.object());
        assertEquals(new PreferTimestamptz().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("timestamp without time zone"), f.message());
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
