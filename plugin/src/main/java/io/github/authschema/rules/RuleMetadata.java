package io.github.authschema.rules;

/** What a rule is, as its {@link RuleDefinition} (or a SQL rule's front matter) declares it. */
public record RuleMetadata(String id, Severity defaultSeverity, String summary, String rationale, String fix,
                           boolean readsFindings) {

    /** The metadata declared on a rule class. */
    public static RuleMetadata of(Class<? extends Rule> type) {
        RuleDefinition d = type.getAnnotation(RuleDefinition.class);
        if (d == null) {
            throw new IllegalStateException(type.getName() + " has no @RuleDefinition; declare its id, severity, summary, "
                    + "rationale and fix there, or pass RuleMetadata to the constructor.");
        }
        return new RuleMetadata(d.id(), d.severity(), d.summary(), d.rationale(), d.fix(), d.readsFindings());
    }
}
