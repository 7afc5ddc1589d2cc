package io.github.authschema.catalog;

/** A table column as the rules need it. */
public record Column(String name, String type, boolean notNull, String defaultExpression, boolean identity, boolean generated) {
}
