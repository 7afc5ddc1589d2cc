package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShadowUsersTableTest {
    private final RuleFixture fixture = new RuleFixture("shadow-users-table");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/shadow-users-table/violating/20240101000000_customers.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("public.customers", f.object());
        assertEquals(new ShadowUsersTable().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("ids of its own"), f.message());
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
