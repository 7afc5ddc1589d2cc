package io.github.authschema.catalog;

/** A user-defined trigger and the function it runs. */
public record Trigger(String schema, String table, String name, String functionSchema, String functionName, String timing,
                      String events) {

    public String objectName() {
        return schema + "." + table + "." + name;
    }

    public String function() {
        return functionSchema + "." + functionName;
    }
}
