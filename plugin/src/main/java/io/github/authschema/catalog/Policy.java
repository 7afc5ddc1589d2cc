package io.github.authschema.catalog;

import java.util.List;

/** An RLS policy; using and withCheck are PostgreSQL's deparsed expressions. */
public record Policy(String schema, String table, String name, boolean permissive, List<String> roles, String command,
                     String using, String withCheck) {

    public String objectName() {
        return schema + "." + table + "." + name;
    }
}
