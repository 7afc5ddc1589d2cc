package io.github.authschema.rules;

import io.github.authschema.catalog.Location;

import java.util.List;

/**
 * One check. Its metadata says what it catches, why it matters on Supabase and how to fix it; its
 * {@link #check} reports findings and never throws for a finding.
 */
public abstract class Rule {
    private final String id;
    private final Severity defaultSeverity;
    private final String summary;
    private final String rationale;
    private final String fix;

    protected Rule(String id, Severity defaultSeverity, String summary, String rationale, String fix) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.summary = summary;
        this.rationale = rationale;
        this.fix = fix;
    }

    public final String id() {
        return id;
    }

    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    public final String summary() {
        return summary;
    }

    public final String rationale() {
        return rationale;
    }

    public final String fix() {
        return fix;
    }

    /** Where the rule's documentation lives, relative to the repository root. */
    public final String docPath() {
        return "docs/rules/" + id + ".md";
    }

    public abstract List<Finding> check(RuleContext context);

    protected final Finding finding(String object, Location location, String message) {
        return new Finding(id, defaultSeverity, object, location, message, fix);
    }

    protected final Finding finding(String object, Location location, String message, String specificFix) {
        return new Finding(id, defaultSeverity, object, location, message, specificFix);
    }
}
