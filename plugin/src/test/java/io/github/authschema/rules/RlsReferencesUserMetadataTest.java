package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RlsReferencesUserMetadataTest {
    private final RuleFixture fixture = new RuleFixture("rls-references-user-metadata");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/rls-references-user-metadata/violating/20240101000000_notes.sql", f.location().file());
        assertEquals(7, f.location().line());
        assertEquals("public.notes.admins", f.object());
        assertEquals(new RlsReferencesUserMetadata().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("user_metadata"), f.message());
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
