package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnindexedForeignKeyTest {
    private final RuleFixture fixture = new RuleFixture("unindexed-foreign-key");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/unindexed-foreign-key/violating/20240101000000_notes.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.notes.notes_user_id_fkey", f.object());
        assertEquals(new UnindexedForeignKey().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("has no index"), f.message());
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
