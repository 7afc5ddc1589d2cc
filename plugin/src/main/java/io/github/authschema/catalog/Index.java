package io.github.authschema.catalog;

import java.util.List;

/** An index, with its key columns in order (expressions appear as null). */
public record Index(String schema, String table, String name, List<String> columns, boolean unique, boolean primary,
                   boolean partial, String definitionWithoutName) {
}
