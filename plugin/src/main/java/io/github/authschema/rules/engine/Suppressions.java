package io.github.authschema.rules.engine;

import io.github.authschema.rules.Suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the inline suppressions of the migrations: {@code -- authschema:ignore <rule-id> <reason>} on
 * the line of a finding, or in the comment block right above the statement it belongs to.
 */
public final class Suppressions {
    private static final Pattern COMMENT = Pattern.compile("--\\s*authschema:ignore\\s+([a-z0-9-]+)\\s*(.*?)\\s*$");

    private Suppressions() {
    }

    /** {@code sources}: migration display path to its SQL text. */
    public static List<Suppression> parse(Map<String, String> sources) {
        List<Suppression> found = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String[] lines = e.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = COMMENT.matcher(lines[i]);
                if (m.find()) {
                    found.add(new Suppression(e.getKey(), i + 1, m.group(1), m.group(2), lastCoveredLine(lines, i)));
                }
            }
        }
        return found;
    }

    /**
     * The 1-based last line the comment on line {@code index} (0-based) covers: a comment-only line
     * covers the statement below its comment block, if no blank line separates them; a comment after
     * code covers the rest of that statement.
     */
    private static int lastCoveredLine(String[] lines, int index) {
        int i = index;
        if (isComment(lines[i])) {
            while (i + 1 < lines.length && isComment(lines[i + 1])) {
                i++;
            }
            if (i + 1 >= lines.length || lines[i + 1].isBlank()) {
                return index + 1;
            }
            i++;
        }
        while (i < lines.length && !code(lines[i]).endsWith(";")) {
            i++;
        }
        return Math.min(i, lines.length - 1) + 1;
    }

    private static boolean isComment(String line) {
        return line.strip().startsWith("--");
    }

    private static String code(String line) {
        int comment = line.indexOf("--");
        return (comment < 0 ? line : line.substring(0, comment)).strip();
    }
}
