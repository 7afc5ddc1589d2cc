package io.github.authschema.rules;

/** Public entry to the rules' SQL text parsing, for fuzzing it from outside the package. */
public final class SqlTextProbe {
    private SqlTextProbe() {
    }

    public static boolean parseCreateTable(String sql) {
        return CreateTableStatement.parse(sql).isPresent();
    }
}
