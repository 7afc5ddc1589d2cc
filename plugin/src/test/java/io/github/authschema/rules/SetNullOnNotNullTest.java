package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetNullOnNotNullTest {
    private final RuleFixture fixture = new RuleFixture("set-null-on-not-null");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/set-null-on-not-null/violating/20240101000000_posts.sql", f.location().file());
        assertEquals(3, f.location().line());
        assertEquals("public.posts.posts_author_id_fkey", f.object());
        assertEquals(new SetNullOnNotNull().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("NOT NULL"), f.message());
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
