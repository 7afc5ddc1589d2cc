package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserDeleteFailsTest {
    private final RuleFixture fixture = new RuleFixture("user-delete-fails");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/user-delete-fails/violating/20240101000000_audit.sql", f.location().file());
        assertEquals(6, f.location().line());
        assertEquals("public.forbid_delete()", f.object());
        assertEquals(new UserDeleteFails().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("users may not be deleted"), f.message());
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
