package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaterializedViewInApiTest {
    private final RuleFixture fixture = new RuleFixture("materialized-view-in-api");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/materialized-view-in-api/violating/20240101000000_schema.sql", f.location().file());
        assertEquals(7, f.location().line());
        assertEquals("public.note_counts", f.object());
        assertEquals(new MaterializedViewInApi().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("without row-level security"), f.message());
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
