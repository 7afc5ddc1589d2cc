package io.github.authschema.testkit.internal.migrate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How migration files are named, and so how they are ordered. */
public enum MigrationLayout {
    /** Flyway: {@code V<version>__<description>.sql}, ordered by version. */
    FLYWAY(Pattern.compile("^V([0-9][0-9._]*)__(.+)\\.sql$")),
    /** Supabase CLI: {@code <digits>_<name>.sql} in {@code supabase/migrations}, ordered by name. */
    SUPABASE(Pattern.compile("^([0-9]+)_(.*)\\.sql$"));

    private static final Pattern LOVABLE = Pattern.compile("^([0-9]{14})-(.+)\\.sql$");

    private final Pattern pattern;

    MigrationLayout(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The version and description of a file name, or null when the name does not fit this layout. */
    String[] parse(String fileName) {
        Matcher m = pattern.matcher(fileName);
        return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
    }

    /**
     * {@code <14 digits>-<name>.sql}, as Lovable names migrations: the tool that generates them applies
     * them, supabase db push skips them. Version and description, or null.
     */
    static String[] parseLovable(String fileName) {
        Matcher m = LOVABLE.matcher(fileName);
        return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
    }

    public String namingRule() {
        return this == FLYWAY ? "V<version>__<description>.sql" : "<digits>_<name>.sql";
    }
}
