package io.github.authschema.catalog;

/**
 * One DDL command a migration ran, as the event triggers recorded it. {@code authUsersLock} is the
 * lock an ALTER TABLE that added a validated foreign key to auth.users held on it (null otherwise).
 */
public record TraceEvent(long seq, String migration, String statement, String commandTag, String objectType,
                         String schema, String objectIdentity, boolean dropped, String authUsersLock) {

    public boolean skipped() {
        return "skipped".equals(objectType);
    }
}
