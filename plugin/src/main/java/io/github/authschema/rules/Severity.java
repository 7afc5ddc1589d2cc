package io.github.authschema.rules;

import io.github.authschema.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much a finding matters. OFF disables a rule; NONE as a threshold never fails. */
public enum Severity {
    OFF, INFO, WARN, ERROR;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses a user-given severity, naming the accepted values when it is wrong. */
    public static Severity parse(String text, String setting) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("WARNING")) {
            return WARN;
        }
        for (Severity s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new InvalidInputException("Invalid " + setting + " '" + text + "'. Use one of: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }
}
