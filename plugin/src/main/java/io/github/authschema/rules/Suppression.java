package io.github.authschema.rules;

/** One {@code -- authschema:ignore <rule-id> <reason>} comment in a migration. */
public record Suppression(String file, int line, String ruleId, String reason) {
}
