package io.github.authschema.catalog;

import java.util.List;

/**
 * An index, with its key columns in order (expressions appear as null); {@code constraint} when it
 * backs a PRIMARY KEY, UNIQUE or EXCLUDE constraint, which is dropped with the constraint, not alone.
 */
public record Index(String schema, String table, String name, List<String> columns, boolean unique, boolean primary,
                   boolean partial, boolean constraint, String definitionWithoutName) {
}
