package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicBucketAllowsListingTest {
    private final RuleFixture fixture = new RuleFixture("public-bucket-allows-listing");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/public-bucket-allows-listing/violating/20240101000000_schema.sql", f.location().file());
        assertEquals(2, f.location().line());
        assertEquals("storage.objects.anyone lists avatars", f.object());
        assertEquals(new PublicBucketAllowsListing().defaultSeverity(), f.severity());
        assertTrue(f.message().contains("Public bucket avatars"), f.message());
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
