package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnsupportedRegTypesTest {
    private final RuleFixture fixture = new RuleFixture("unsupported-reg-types");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/unsupported-reg-types/violating/20240101000000_schema.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.events.handler", f.object());
        assertEquals(new UnsupportedRegTypes().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("regproc"), f.message());
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
