package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateIndexTest {
    private final RuleFixture fixture = new RuleFixture("duplicate-index");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/duplicate-index/violating/20240101000000_notes.sql", f.location().file());
        assertEquals(8, f.location().line());
        assertEquals("public.notes_by_user", f.object());
        assertEquals(new DuplicateIndex().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("duplicates notes_user_id_idx"), f.message());
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
