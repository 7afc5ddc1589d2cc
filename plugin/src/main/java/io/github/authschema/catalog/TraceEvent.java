package io.github.authschema.catalog;

/** One DDL command a migration ran, as the event triggers recorded it. */
public record TraceEvent(long seq, String migration, String statement, String commandTag, String objectType,
                         String schema, String objectIdentity, boolean dropped) {

    public boolean skipped() {
        return "skipped".equals(objectType);
    }
}
