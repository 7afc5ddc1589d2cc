package io.github.authschema.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, declared once on its class: reports, the rule's doc page and the README table
 * are all made from it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleDefinition {
    /** Stable kebab-case id, used in reports, settings and suppressions. */
    String id();

    /** Severity when the user does not set one. */
    Severity severity();

    /** One sentence: what the rule catches. */
    String summary();

    /** Why it matters on Supabase. */
    String rationale();

    /** How to fix it, in general; a finding may carry a fix specific to its object. */
    String fix();

    /**
     * The rule judges the other rules' findings ({@link RuleContext#findings()}), so the engine runs it
     * after them.
     */
    boolean readsFindings() default false;
}
