package io.github.authschema.catalog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises tables that hold who a person is: a password-like column anywhere, or an email or
 * phone column in a table named like a user table.
 */
public final class IdentityTables {
    private static final Pattern PASSWORD = Pattern.compile("(?i)^(password|passwd|password_hash|hashed_password|encrypted_password|pass_hash)$");
    private static final Pattern CONTACT = Pattern.compile("(?i)^(email|email_address|phone|phone_number|mobile|msisdn|whatsapp(_number|_id)?)$");
    private static final Pattern PHONE = Pattern.compile("(?i)^(phone|phone_number|mobile|msisdn|whatsapp(_number|_id)?)$");
    private static final Pattern OWNER = Pattern.compile("(?i)^(user_id|owner_id|created_by|creator_id|author_id|account_id|owned_by|profile_id)$");
    private static final Pattern USER_TABLE = Pattern.compile("(?i)^(app_)?(users?|members?|customers?|accounts?|people|persons?|contacts?|profiles?)$");

    private IdentityTables() {
    }

    public static boolean isIdentityTable(Table t) {
        boolean password = t.columns().stream().anyMatch(c -> PASSWORD.matcher(c.name()).matches());
        boolean contact = t.columns().stream().anyMatch(c -> CONTACT.matcher(c.name()).matches());
        return password || (contact && USER_TABLE.matcher(t.name()).matches());
    }

    public static Optional<Column> phoneColumn(Table t) {
        return t.columns().stream().filter(c -> PHONE.matcher(c.name()).matches()).findFirst();
    }

    public static boolean isPhoneColumn(String name) {
        return PHONE.matcher(name).matches();
    }

    /** A column whose name says it holds the id of the user who owns the row. */
    public static boolean isOwnerColumn(String name) {
        return OWNER.matcher(name).matches();
    }

    /**
     * Keyed by auth.users(id): the primary key is a foreign key to auth.users(id), so the table has
     * one row per auth user (a profile table) and its ids cannot drift.
     */
    public static boolean keyedByAuthUsers(Catalog catalog, Table table) {
        return !table.primaryKey().isEmpty() && catalog.foreignKeys().stream().anyMatch(fk ->
                fk.schema().equals(table.schema()) && fk.table().equals(table.name()) && fk.referencesAuthUsers()
                        && fk.columns().equals(table.primaryKey()) && fk.targetColumns().equals(List.of("id")));
    }
}
