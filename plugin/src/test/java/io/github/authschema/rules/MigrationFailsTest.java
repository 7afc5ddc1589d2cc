package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationFailsTest {
    private final RuleFixture fixture = new RuleFixture("migration-fails");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/migration-fails/violating/20240101000000_typo.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("rules/migration-fails/violating/20240101000000_typo.sql", f.object());
        assertEquals(new MigrationFails().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("syntax error"), f.message());
        assertTrue(f.message().contains("42601"), f.message());
    }

    @Test
    void cleanSchemaIsNotReported() {
        assertEquals(List.of(), fixture.findings("clean"));
    }

    @Test
    void theFixIsTheCleanVersion() {
        // PostgreSQL refuses the statement, so no later migration can repair it: the file itself must change
        assertEquals(List.of(), fixture.findings("clean"));
    }
}
