package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthFkToNonPrimaryKeyTest {
    private final RuleFixture fixture = new RuleFixture("auth-fk-to-non-primary-key");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/auth-fk-to-non-primary-key/violating/20240101000000_contacts.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.contacts.contacts_phone_fkey", f.object());
        assertEquals(new AuthFkToNonPrimaryKey().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("auth.users(phone)"), f.message());
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
