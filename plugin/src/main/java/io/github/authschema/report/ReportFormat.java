package io.github.authschema.report;

import io.github.authschema.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report files the goal can write, selected by {@code reportFormats}. */
public enum ReportFormat {
    JSON, SARIF, JUNIT, MARKDOWN, HTML, GITLAB;

    public static ReportFormat parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.name().equals(t)) {
                return f;
            }
        }
        throw new InvalidInputException("Unknown report format '" + text + "' in reportFormats. Use any of: "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ".");
    }
}
