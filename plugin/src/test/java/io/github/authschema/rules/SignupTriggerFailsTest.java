package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignupTriggerFailsTest {
    private final RuleFixture fixture = new RuleFixture("signup-trigger-fails");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        // phone-only and anonymous users have no email; email sign-ups work
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(1).message().contains("anonymous sign-in"), findings.get(1).message());
        Finding f = findings.get(0);
        assertEquals("rules/signup-trigger-fails/violating/20240101000000_profiles.sql", f.location().file());
        assertEquals(6, f.location().line());
        assertEquals("auth.users.on_auth_user_created", f.object());
        assertEquals(new SignupTriggerFails().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("phone-only (WhatsApp) sign-up"), f.message());
        assertTrue(f.message().contains("public.handle_new_user()"), f.message());
        assertTrue(f.message().contains("23502"), f.message());
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
