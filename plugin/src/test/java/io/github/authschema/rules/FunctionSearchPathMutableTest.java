package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionSearchPathMutableTest {
    private final RuleFixture fixture = new RuleFixture("function-search-path-mutable");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/function-search-path-mutable/violating/20240101000000_fn.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("public.add_one(integer)", f.object());
        assertEquals(new FunctionSearchPathMutable().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("mutable search_path"), f.message());
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
