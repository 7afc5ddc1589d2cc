package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthTriggerUnsafeTest {
    private final RuleFixture fixture = new RuleFixture("auth-trigger-unsafe");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/auth-trigger-unsafe/violating/20240101000000_trigger.sql", f.location().file());
        assertEquals(4, f.location().line());
        assertEquals("auth.users.on_auth_user_created", f.object());
        assertEquals(new AuthTriggerUnsafe().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("names profiles without a schema"), f.message());
        assertTrue(f.message().contains("see signup-trigger-fails"), f.message());
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
