package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NullablePrimaryKeyTest {
    private final RuleFixture fixture = new RuleFixture("nullable-primary-key");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/nullable-primary-key/violating/20240102000000_precreate.sql", f.location().file());
        assertEquals(2, f.location().line());
        assertEquals("id", f.object());
        assertEquals(new NullablePrimaryKey().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("primary-key column \"id\""), f.message());
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
