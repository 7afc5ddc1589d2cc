package io.github.authschema.catalog;

import java.util.List;
import java.util.Optional;

/** A table with the flags SchemaCrawler does not carry: row-level security. */
public record Table(String schema, String name, List<Column> columns, List<String> primaryKey, boolean rowLevelSecurity) {

    public String qualifiedName() {
        return schema + "." + name;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
