package io.github.authschema.rules;

import io.github.authschema.catalog.Location;

import java.io.Serializable;

/** One problem: which rule, how bad, which object, where to edit, what is wrong and how to fix it. */
public record Finding(String rule, Severity severity, String object, Location location, String message, String fix) implements Serializable {

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, object, location, message, fix);
    }
}
