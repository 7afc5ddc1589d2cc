package io.github.authschema.catalog;

import java.util.List;

/** A CHECK constraint and the columns it reads. */
public record CheckConstraint(String schema, String table, String name, List<String> columns, String definition) {
}
