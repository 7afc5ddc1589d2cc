package io.github.authschema.catalog;

import java.util.List;

/**
 * A foreign key with its delete action as pg_constraint spells it: a NO ACTION, r RESTRICT,
 * c CASCADE, n SET NULL, d SET DEFAULT.
 */
public record ForeignKey(String name, String schema, String table, List<String> columns,
                         String targetSchema, String targetTable, List<String> targetColumns,
                         char onDelete, boolean targetIsPrimaryKey) {

    public String qualifiedTable() {
        return schema + "." + table;
    }

    public String qualifiedTarget() {
        return targetSchema + "." + targetTable;
    }

    /** How findings name it: schema.table.constraint. */
    public String objectName() {
        return schema + "." + table + "." + name;
    }

    public boolean referencesAuthUsers() {
        return targetSchema.equals("auth") && targetTable.equals("users");
    }

    public String onDeleteText() {
        switch (onDelete) {
            case 'c': return "CASCADE";
            case 'n': return "SET NULL";
            case 'd': return "SET DEFAULT";
            case 'r': return "RESTRICT";
            default: return "NO ACTION";
        }
    }

    /** Whether deleting the referenced row either removes or detaches the referencing one. */
    public boolean letsDeleteProceed() {
        return onDelete == 'c' || onDelete == 'n' || onDelete == 'd';
    }
}
