package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthUsersExposedTest {
    private final RuleFixture fixture = new RuleFixture("auth-users-exposed");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/auth-users-exposed/violating/20240101000000_directory.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("public.user_directory", f.object());
        assertEquals(new AuthUsersExposed().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("reads auth.users"), f.message());
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
