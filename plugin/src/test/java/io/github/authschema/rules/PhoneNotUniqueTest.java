package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNotUniqueTest {
    private final RuleFixture fixture = new RuleFixture("phone-not-unique");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/phone-not-unique/violating/20240101000000_contacts.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("public.contacts.phone", f.object());
        assertEquals(new PhoneNotUnique().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("not unique"), f.message());
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
