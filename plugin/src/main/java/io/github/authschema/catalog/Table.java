package io.github.authschema.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A table with what SchemaCrawler does not carry: row-level security, and whether the API roles
 * (anon, authenticated) may select from it.
 */
public record Table(String schema, String name, List<Column> columns, List<String> primaryKey, boolean rowLevelSecurity,
                    boolean apiSelectable) {

    public String qualifiedName() {
        return schema + "." + name;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
