package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtensionInPublicTest {
    private final RuleFixture fixture = new RuleFixture("extension-in-public");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/extension-in-public/violating/20240101000000_citext.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("citext", f.object());
        assertEquals(new ExtensionInPublic().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("installed in public"), f.message());
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
