package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserDeleteBlockedTest {
    private final RuleFixture fixture = new RuleFixture("user-delete-blocked");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/user-delete-blocked/violating/20240102000000_invoices.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.invoices.invoices_profile_id_fkey", f.object());
        assertEquals(new UserDeleteBlocked().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("auth.users → public.profiles → public.invoices (invoices_profile_id_fkey)"), f.message());
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
