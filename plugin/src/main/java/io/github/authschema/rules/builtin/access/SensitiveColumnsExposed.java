package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Column;
import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

@RuleDefinition(
        id = "sensitive-columns-exposed",
        severity = Severity.ERROR,
        summary = "A table the API serves without RLS has columns named like secrets (splinter 0023).",
        rationale = "With RLS off, anyone with the anon key reads every row; passwords, tokens or card numbers in such a table "
                + "are public.",
        fix = "Enable row level security (and add policies), or move the secrets to a schema the API does not expose.")
public final class SensitiveColumnsExposed extends Rule {
    private static final Pattern SENSITIVE = Pattern.compile("(?i)^(password|passwd|pass_hash|password_hash|hashed_password|secret|"
            + "api_key|apikey|api_secret|access_token|refresh_token|auth_token|token|session_token|private_key|ssn|"
            + "social_security_number|tax_id|iban|bank_account|account_number|card_number|credit_card|cvv|cvc|pin|otp)$");

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Table t : ctx.catalog().projectTables()) {
            if (!ctx.catalog().exposed(t.schema()) || t.rowLevelSecurity() || !t.apiSelectable()) {
                continue;
            }
            List<String> columns = t.columns().stream().map(Column::name).filter(n -> SENSITIVE.matcher(n).matches())
                    .collect(Collectors.toList());
            if (!columns.isEmpty()) {
                out.add(finding(t.qualifiedName(), ctx.catalog().locate(t), t.qualifiedName() + " is served without RLS and has "
                        + String.join(", ", columns) + "."));
            }
        }
        return out;
    }
}
