package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnusedSuppressionTest {
    private final RuleFixture fixture = new RuleFixture("unused-suppression");

    @Test
    void reportsTheViolationAtItsFileAndLine() {
        List<Finding> findings = fixture.findings("violating");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("rules/unused-suppression/violating/20240101000000_notes.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals(Severity.WARN, f.severity());
        assertTrue(f.message().contains("suppresses nothing here"), f.message());
    }

    @Test
    void cleanSchemaIsNotReported() {
        assertEquals(List.of(), fixture.findings("clean"));
    }

    @Test
    void aSuppressionWithAReasonHidesTheFindingItCovers() {
        List<Finding> all = fixture.verify("clean").findings();
        assertTrue(all.stream().noneMatch(f -> f.rule().equals("auth-fk-missing-cascade")), all.toString());
    }

    @Test
    void aSuppressionWithoutAReasonOrWithAnUnknownRuleSuppressesNothingAndIsReported() {
        List<Finding> all = fixture.verify("no-reason").findings();
        assertTrue(all.stream().anyMatch(f -> f.rule().equals("auth-fk-missing-cascade")), all.toString());
        List<Finding> unused = fixture.findings("no-reason");
        assertEquals(2, unused.size(), unused.toString());
        assertTrue(unused.get(0).message().contains("gives no reason"), unused.toString());
        assertEquals(3, unused.get(0).location().line());
        assertTrue(unused.get(1).message().contains("unknown rule no-such-rule"), unused.toString());
    }
}
