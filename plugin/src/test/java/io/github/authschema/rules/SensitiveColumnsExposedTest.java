package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitiveColumnsExposedTest {
    private final RuleFixture fixture = new RuleFixture("sensitive-columns-exposed");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/sensitive-columns-exposed/violating/20240101000000_schema.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("public.api_clients", f.object());
        assertEquals(new SensitiveColumnsExposed().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("api_key"), f.message());
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
