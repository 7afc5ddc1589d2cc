package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NullableOwnerColumnTest {
    private final RuleFixture fixture = new RuleFixture("nullable-owner-column");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/nullable-owner-column/violating/20240101000000_notes.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.notes.user_id", f.object());
        assertEquals(new NullableOwnerColumn().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("may be NULL"), f.message());
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
