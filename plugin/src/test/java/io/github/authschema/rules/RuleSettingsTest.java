package io.github.authschema.rules;

import io.github.authschema.InvalidInputException;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.Verifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Severity overrides, OFF, excludes by object pattern, and unknown ids. */
class RuleSettingsTest {
    private static List<Finding> verify(VerifyConfig config) {
        return new Verifier(VerifyLog.SILENT).verify(config.shareServer(true)
                .locations(List.of("filesystem:rules/auth-fk-missing-cascade/violating"))).findings();
    }

    private static VerifyConfig config() {
        return new VerifyConfig(RuleFixture.resourceRoot());
    }

    @Test
    void severityOverrideChangesTheLevel() {
        List<Finding> found = verify(config().rule("auth-fk-missing-cascade", Severity.WARN, List.of()));
        assertEquals(Severity.WARN, found.stream().filter(f -> f.rule().equals("auth-fk-missing-cascade")).findFirst().orElseThrow().severity());
    }

    @Test
    void offRemovesTheRule() {
        List<Finding> found = verify(config().rule("auth-fk-missing-cascade", Severity.OFF, List.of()));
        assertTrue(found.stream().noneMatch(f -> f.rule().equals("auth-fk-missing-cascade")), found.toString());
    }

    @Test
    void excludesSilenceMatchingObjectsOnly() {
        List<Finding> excluded = verify(config().rule("auth-fk-missing-cascade", null, List.of("public.orders.*")));
        assertTrue(excluded.stream().noneMatch(f -> f.rule().equals("auth-fk-missing-cascade")), excluded.toString());
        List<Finding> other = verify(config().rule("auth-fk-missing-cascade", null, List.of("public.invoices.*")));
        assertTrue(other.stream().anyMatch(f -> f.rule().equals("auth-fk-missing-cascade")), other.toString());
    }

    @Test
    void unknownRuleIdIsAConfigurationErrorListingTheKnownOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> verify(config().rule("auth-fk-missing-cascades", Severity.OFF, List.of())));
        assertTrue(e.getMessage().startsWith("Unknown rule id auth-fk-missing-cascades in <rules>."), e.getMessage());
        assertTrue(e.getMessage().contains("auth-fk-missing-cascade,"), e.getMessage());
    }
}
