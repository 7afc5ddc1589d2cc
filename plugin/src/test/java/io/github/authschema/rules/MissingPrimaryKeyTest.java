package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MissingPrimaryKeyTest {
    private final RuleFixture fixture = new RuleFixture("missing-primary-key");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/missing-primary-key/violating/20240101000000_log.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("public.events", f.object());
        assertEquals(new MissingPrimaryKey().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("no primary key"), f.message());
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
