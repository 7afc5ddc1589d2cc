package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthSchemaModifiedTest {
    private final RuleFixture fixture = new RuleFixture("auth-schema-modified");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/auth-schema-modified/violating/20240101000000_nickname.sql", f.location().file());
        assertEquals(2, f.location().line());
        assertEquals("auth", f.object());
        assertEquals(new AuthSchemaModified().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("must be owner of table users"), f.message());
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
