package io.github.authschema.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table with what SchemaCrawler does not carry: row-level security, and the privileges the API roles
 * hold on it, as "role command" ("anon select", "authenticated update"; a column grant counts), and
 * whether it is a partitioned table's root.
 */
public record Table(String schema, String name, List<Column> columns, List<String> primaryKey, boolean rowLevelSecurity,
                    Set<String> apiPrivileges, boolean partitioned) {

    public static final List<String> API_ROLES = List.of("anon", "authenticated");
    public static final List<String> COMMANDS = List.of("select", "insert", "update", "delete");

    public boolean apiSelectable() {
        return granted("anon", "select") || granted("authenticated", "select");
    }

    /** Whether the API role may run the command (lower case) on this table at all. */
    public boolean granted(String role, String command) {
        return apiPrivileges.contains(role + " " + command);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
