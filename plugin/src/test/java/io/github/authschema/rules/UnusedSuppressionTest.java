package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a suppression covers, beyond the fixtures every rule has (see {@link BuiltInRulesTest}). */
class UnusedSuppressionTest {
    private final RuleFixture fixture = new RuleFixture("unused-suppression");

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
