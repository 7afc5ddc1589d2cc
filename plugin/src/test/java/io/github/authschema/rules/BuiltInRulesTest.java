package io.github.authschema.rules;

import io.github.authschema.rules.builtin.BuiltInRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every built-in rule on its own fixtures, as splinter tests its lints: the expected findings sit next
 * to the SQL (see {@link RuleFixture}), one line each: severity, file:line, object and message.
 * A change to what a rule reports shows as a diff of those files: run
 * {@code mvn -pl plugin test -Dtest=BuiltInRulesTest -Dauthschema.approve=true} to rewrite them, then
 * read the diff.
 */
class BuiltInRulesTest {
    private static final boolean APPROVE = Boolean.getBoolean("authschema.approve");

    static Stream<String> ruleIds() {
        return BuiltInRules.all().stream().map(Rule::id);
    }

    static Stream<String> ruleIdsWithAFix() {
        return ruleIds().filter(id -> new RuleFixture(id).has("fix"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void theViolatingFixtureIsReportedAsExpected(String id) {
        RuleFixture fixture = new RuleFixture(id);
        List<String> found = fixture.lines("violating");
        if (APPROVE) {
            fixture.approve("violating", found);
        }
        assertFalse(fixture.expected("violating").isEmpty(), id + ": violating.expected lists at least one finding");
        assertEquals(fixture.expected("violating"), found, id + ": violating/ against violating.expected");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void theCleanFixtureIsNotReported(String id) {
        assertEquals(List.of(), new RuleFixture(id).lines("clean"), id + ": clean/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIdsWithAFix")
    void theFixSilencesIt(String id) {
        RuleFixture fixture = new RuleFixture(id);
        List<String> found = fixture.lines("violating", "fix");
        if (APPROVE) {
            fixture.approve("fix", found);
        }
        assertEquals(fixture.expected("fix"), found, id + ": violating/ + fix/ against fix.expected (none when absent)");
    }
}
