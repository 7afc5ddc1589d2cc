package io.github.authschema.catalog;

import java.util.List;

/** An RLS policy; using and withCheck are PostgreSQL's deparsed expressions. */
public record Policy(String schema, String table, String name, boolean permissive, List<String> roles, String command,
                     String using, String withCheck) {

    /** Whether the Data API's roles meet this policy: it names anon or authenticated, or PUBLIC (every role). */
    public boolean forApiRoles() {
        return roles.contains("public") || roles.stream().anyMatch(Table.API_ROLES::contains);
    }

    public String objectName() {
        return schema + "." + table + "." + name;
    }
}
