package io.github.authschema.rules.engine;

import io.github.authschema.rules.Severity;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A user's configuration of one rule: its severity, and objects it should not report. */
public record RuleSettings(Severity severity, List<String> excludes) {

    public RuleSettings {
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }

    /** Whether the object matches an exclude; {@code *} matches any run of characters. */
    boolean excludes(String object) {
        return excludes.stream().map(RuleSettings::glob).anyMatch(p -> p.matcher(object).matches());
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(pattern.chars().mapToObj(c -> c == '*' ? ".*" : Pattern.quote(String.valueOf((char) c)))
                .collect(Collectors.joining()));
    }
}
