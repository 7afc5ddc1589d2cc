package io.github.authschema.rules;

import io.github.authschema.catalog.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code -- authschema:ignore <rule-id> <reason>} on the line of a finding or
 * in the comments right above the statement it belongs to. The reason is required.
 */
public final class Suppressions {
    private static final Pattern COMMENT = Pattern.compile("--\\s*authschema:ignore\\s+([a-z0-9-]+)\\s*(.*?)\\s*$");

    private final List<Suppression> all;
    private final Map<String, String[]> lines;

    private Suppressions(List<Suppression> all, Map<String, String[]> lines) {
        this.all = all;
        this.lines = lines;
    }

    /** {@code sources}: migration display path to its SQL text. */
    public static Suppressions parse(Map<String, String> sources) {
        List<Suppression> found = new ArrayList<>();
        Map<String, String[]> lines = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String[] fileLines = e.getValue().split("\n", -1);
            lines.put(e.getKey(), fileLines);
            for (int i = 0; i < fileLines.length; i++) {
                Matcher m = COMMENT.matcher(fileLines[i]);
                if (m.find()) {
                    found.add(new Suppression(e.getKey(), i + 1, m.group(1), m.group(2)));
                }
            }
        }
        return new Suppressions(found, lines);
    }

    public List<Suppression> all() {
        return all;
    }

    /** The suppression that covers the finding, if one does. */
    public java.util.Optional<Suppression> covering(Finding f) {
        Location at = f.location();
        if (!at.known() || at.line() <= 0) {
            return java.util.Optional.empty();
        }
        String[] fileLines = lines.get(at.file());
        if (fileLines == null || at.line() > fileLines.length) {
            return java.util.Optional.empty();
        }
        int start = statementStart(fileLines, at.line());
        return all.stream().filter(s -> s.file().equals(at.file()) && s.ruleId().equals(f.rule()) && !s.reason().isBlank())
                .filter(s -> s.line() == at.line() || (s.line() >= commentBlockStart(fileLines, start) && s.line() <= at.line()))
                .findFirst();
    }

    /** The first line of the statement that contains {@code line}: just after the previous line ending in ';'. */
    private static int statementStart(String[] lines, int line) {
        int i = line - 1;
        while (i >= 1 && !lines[i - 1].strip().endsWith(";")) {
            i--;
        }
        int start = i + 1;
        while (start < line && (lines[start - 1].isBlank() || lines[start - 1].strip().startsWith("--"))) {
            start++;
        }
        return start;
    }

    /** The first line of the comment block directly above the statement starting at {@code start}. */
    private static int commentBlockStart(String[] lines, int start) {
        int i = start - 1;
        while (i >= 1 && lines[i - 1].strip().startsWith("--")) {
            i--;
        }
        return i + 1;
    }
}
