package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneFormatMismatchTest {
    private final RuleFixture fixture = new RuleFixture("phone-format-mismatch");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/phone-format-mismatch/violating/20240101000000_invites.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.invites.invites_phone_check", f.object());
        assertEquals(new PhoneFormatMismatch().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("requires a leading '+'"), f.message());
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
