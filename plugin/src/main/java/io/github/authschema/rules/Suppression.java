package io.github.authschema.rules;

/**
 * One {@code -- authschema:ignore <rule-id> <reason>} comment in a migration. It covers findings of
 * its rule from its own line to {@code lastLine}: the end of the statement it stands on, or of the
 * statement right below the comment block it is part of. Without a reason it covers nothing.
 */
public record Suppression(String file, int line, String ruleId, String reason, int lastLine) {

    public boolean hasReason() {
        return !reason.isBlank();
    }

    public boolean covers(Finding f) {
        return hasReason() && f.rule().equals(ruleId) && file.equals(f.location().file())
                && f.location().line() >= line && f.location().line() <= lastLine;
    }
}
