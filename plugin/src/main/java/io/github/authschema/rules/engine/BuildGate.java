package io.github.authschema.rules.engine;

import io.github.authschema.InvalidInputException;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one decision whether findings fail the build, for verify, migrate and audit alike: the
 * findings a baseline accepts are set aside, then any finding left at or above {@code failOn} fails.
 * {@link Severity#OFF} as failOn (the user's NONE) never fails.
 */
public record BuildGate(Severity failOn, Optional<Baseline> baseline) {

    /** Parses the user's failOn: ERROR, WARN, INFO or NONE. */
    public static Severity parseFailOn(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "NONE" -> Severity.OFF;
            case "ERROR", "WARN", "WARNING", "INFO" -> Severity.parse(t, "failOn");
            default -> throw new InvalidInputException("Invalid failOn '" + text + "'. Use one of: ERROR, WARN, INFO, NONE.");
        };
    }

    public Verdict judge(List<Finding> findings) {
        List<Finding> reported = baseline.map(b -> b.newFindings(findings)).orElse(findings);
        List<String> fixed = baseline.map(b -> b.fixed(findings)).orElse(List.of());
        boolean fails = failOn != Severity.OFF && reported.stream().anyMatch(f -> f.severity().atLeast(failOn));
        return new Verdict(List.copyOf(reported), findings.size() - reported.size(), fixed, failOn, fails);
    }

    /**
     * What the gate decided: the findings to report (those the baseline does not accept), how many it
     * accepted, the accepted ones that are fixed since, and whether the build fails.
     */
    public record Verdict(List<Finding> reported, int accepted, List<String> fixedSinceBaseline, Severity failOn, boolean fails) {
    }
}
