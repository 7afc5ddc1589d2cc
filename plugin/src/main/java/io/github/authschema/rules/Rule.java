package io.github.authschema.rules;

import io.github.authschema.catalog.Location;

import java.util.List;

/**
 * One check. Its {@link RuleDefinition} says what it catches, why it matters on Supabase and how to
 * fix it; {@link #check} reports findings and never throws for a finding. A rule that throws is a
 * broken tool, never a pass.
 */
public abstract class Rule {
    private final RuleMetadata metadata;

    /** A rule whose class carries {@link RuleDefinition}. */
    protected Rule() {
        this.metadata = RuleMetadata.of(getClass());
    }

    /** A rule whose metadata comes from elsewhere, such as a SQL rule's front matter. */
    protected Rule(RuleMetadata metadata) {
        this.metadata = metadata;
    }

    public abstract List<Finding> check(RuleContext context);

    public final RuleMetadata metadata() {
        return metadata;
    }

    public final String id() {
        return metadata.id();
    }

    public final Severity defaultSeverity() {
        return metadata.defaultSeverity();
    }

    public final String summary() {
        return metadata.summary();
    }

    public final String rationale() {
        return metadata.rationale();
    }

    public final String fix() {
        return metadata.fix();
    }

    /** Where the rule's documentation lives, relative to the repository root. */
    public final String docPath() {
        return "docs/rules/" + id() + ".md";
    }

    protected final Finding finding(String object, Location location, String message) {
        return finding(object, location, message, metadata.fix());
    }

    protected final Finding finding(String object, Location location, String message, String specificFix) {
        return new Finding(id(), defaultSeverity(), object, location, message, specificFix);
    }
}
