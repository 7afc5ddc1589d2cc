package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthFkMissingCascadeTest {
    private final RuleFixture fixture = new RuleFixture("auth-fk-missing-cascade");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/auth-fk-missing-cascade/violating/20240101000000_orders.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.orders.orders_user_id_fkey", f.object());
        assertEquals(new AuthFkMissingCascade().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("ON DELETE NO ACTION"), f.message());
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
