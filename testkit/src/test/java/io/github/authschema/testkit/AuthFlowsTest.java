package io.github.authschema.testkit;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SupabaseTest(migrations = "classpath:fixtures/profiles")
class AuthFlowsTest {

    @Test
    void emailSignUpWritesWhatTheAuthServiceWrites(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signUp("Alice@Example.COM", "s3cret", Map.of("name", "Alice"));
        DataSource ds = db.dataSource();

        assertEquals("alice@example.com", user.email());
        assertNull(user.phone());
        assertFalse(user.isAnonymous());
        assertEquals(Map.of("provider", "email", "providers", List.of("email")), user.appMetadata());
        assertEquals("authenticated", Sql.one(ds, "select role from auth.users where id = ?", user.id()));
        assertEquals("00000000-0000-0000-0000-000000000000", Sql.one(ds, "select instance_id::text from auth.users where id = ?", user.id()));
        assertEquals(true, Sql.one(ds, "select encrypted_password = extensions.crypt('s3cret', encrypted_password) from auth.users where id = ?", user.id()));
        assertEquals("", Sql.one(ds, "select confirmation_token || recovery_token || email_change_token_new || email_change from auth.users where id = ?", user.id()));
        assertNotNull(Sql.one(ds, "select email_confirmed_at from auth.users where id = ?", user.id()));
        assertEquals("email", Sql.one(ds, "select provider from auth.identities where user_id = ?", user.id()));
        assertEquals(user.id().toString(), Sql.one(ds, "select provider_id from auth.identities where user_id = ?", user.id()));
        assertEquals("alice@example.com", Sql.one(ds, "select email from auth.identities where user_id = ?", user.id()));
        assertEquals("Alice", Sql.one(ds, "select identity_data ->> 'name' from auth.identities where user_id = ?", user.id()));
        assertNotNull(user.sessionId());
        assertEquals(1L, Sql.count(ds, "select count(*) from auth.refresh_tokens where user_id = ?", user.id().toString()));
        assertEquals("Alice", Sql.one(ds, "select display_name from public.profiles where id = ?", user.id()));
    }

    @Test
    void phoneOtpIsGetOrCreateOnTheNormalisedNumber(SupabaseDatabase db) throws Exception {
        AuthUser first = db.auth().signInWithOtp("+1 555 123 4567");
        AuthUser second = db.auth().signInWithOtp("15551234567");

        assertEquals(first.id(), second.id());
        assertEquals("15551234567", first.phone());
        assertNull(first.email());
        assertEquals(Map.of("provider", "phone", "providers", List.of("phone")), first.appMetadata());
        DataSource ds = db.dataSource();
        assertNotNull(Sql.one(ds, "select phone_confirmed_at from auth.users where id = ?", first.id()));
        assertEquals(1L, Sql.count(ds, "select count(*) from auth.identities where user_id = ? and provider = 'phone'", first.id()));
        assertEquals(true, Sql.one(ds, "select encrypted_password like '$2a$%' from auth.users where id = ?", first.id()));
        assertEquals(2L, Sql.count(ds, "select count(*) from auth.sessions where user_id = ?", first.id()));
    }

    @Test
    void invalidPhoneIsRejectedLikeTheAuthService(Auth auth) {
        AuthFlowException e = assertThrows(AuthFlowException.class, () -> auth.signInWithOtp("whatsapp:+15551234567"));
        assertTrue(e.getMessage().contains("E.164"), e.getMessage());
        assertEquals(AuthErrorCode.VALIDATION_FAILED, e.code());
    }

    @Test
    void anonymousSignInHasNoIdentity(SupabaseDatabase db) throws Exception {
        AuthUser anon = db.auth().signInAnonymously();
        assertTrue(anon.isAnonymous());
        assertNull(anon.email());
        assertEquals(Map.of(), anon.appMetadata());
        assertEquals(0L, Sql.count(db.dataSource(), "select count(*) from auth.identities where user_id = ?", anon.id()));
        assertEquals("", Sql.one(db.dataSource(), "select encrypted_password from auth.users where id = ?", anon.id()));
    }

    @Test
    void phoneUserWhoLinksAnEmailStaysOneUser(SupabaseDatabase db) throws Exception {
        AuthUser phoneUser = db.auth().signInWithOtp("+15551234567");
        AuthUser linked = db.auth().linkEmail(phoneUser, "Bob@Example.com");

        assertEquals(phoneUser.id(), linked.id());
        assertEquals("bob@example.com", linked.email());
        assertEquals("15551234567", linked.phone());
        assertEquals(List.of("phone", "email"), linked.appMetadata().get("providers"));
        assertEquals("phone", linked.appMetadata().get("provider"));
        assertEquals(1L, Sql.count(db.dataSource(), "select count(*) from auth.users"));
        assertEquals("", Sql.one(db.dataSource(), "select email_change from auth.users where id = ?", linked.id()));
    }

    @Test
    void emailUserWhoLinksAPhoneGetsAPhoneIdentity(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signUp("carol@example.com", "pw");
        AuthUser linked = db.auth().linkPhone(user, "+44 20 7946 0000");
        assertEquals("442079460000", linked.phone());
        assertEquals(List.of("email", "phone"), linked.appMetadata().get("providers"));
        assertEquals("442079460000", Sql.one(db.dataSource(),
                "select identity_data ->> 'phone' from auth.identities where user_id = ? and provider = 'phone'", user.id()));
    }

    @Test
    void linkingAPhoneThatAnotherUserHasFailsLikeTheAuthService(Auth auth) {
        auth.signInWithOtp("+15550001111");
        AuthUser other = auth.signUp("dave@example.com", "pw");
        AuthFlowException e = assertThrows(AuthFlowException.class, () -> auth.linkPhone(other, "+15550001111"));
        assertEquals(AuthErrorCode.PHONE_EXISTS, e.code());
        assertTrue(e.getMessage().startsWith("phone_exists: "), e.getMessage());
    }

    @Test
    void convertingAnAnonymousUserKeepsTheId(Auth auth) {
        AuthUser anon = auth.signInAnonymously();
        AuthUser converted = auth.linkEmail(anon, "erin@example.com");
        assertEquals(anon.id(), converted.id());
        assertFalse(converted.isAnonymous());
    }

    @Test
    void hardDeleteCascadesThroughAuthAndAppTables(SupabaseDatabase db) throws Exception {
        AuthUser keep = db.auth().signUp("keep@example.com", "pw");
        AuthUser gone = db.auth().signUp("gone@example.com", "pw");
        try (var c = db.dataSource().getConnection()) {
            Sql.column(c, "insert into public.notes (user_id, body) values (?, 'mine'), (?, 'theirs') returning id", gone.id(), keep.id());
        }
        db.auth().deleteUser(gone);

        DataSource ds = db.dataSource();
        assertNull(db.auth().user(gone.id()));
        for (String table : List.of("auth.identities", "auth.sessions", "public.notes")) {
            assertEquals(0L, Sql.count(ds, "select count(*) from " + table + " where user_id = ?", gone.id()), table);
            assertEquals(1L, Sql.count(ds, "select count(*) from " + table + " where user_id = ?", keep.id()), table);
        }
        assertEquals(0L, Sql.count(ds, "select count(*) from public.profiles where id = ?", gone.id()));
        assertEquals(1L, Sql.count(ds, "select count(*) from auth.audit_log_entries where payload ->> 'action' = 'user_deleted'"));
    }

    @Test
    void softDeleteKeepsTheRowHashedAndFiresNoCascade(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signInWithOtp("+15559998888");
        db.auth().linkEmail(user, "frank@example.com");
        db.auth().softDeleteUser(user);

        AuthUser after = db.auth().user(user.id());
        assertNotNull(after);
        assertNotEquals("frank@example.com", after.email());
        assertEquals(15, after.phone().length());
        assertEquals(Map.of(), after.appMetadata());
        DataSource ds = db.dataSource();
        assertNotNull(Sql.one(ds, "select deleted_at from auth.users where id = ?", user.id()));
        assertNull(Sql.one(ds, "select encrypted_password from auth.users where id = ?", user.id()));
        assertEquals(1L, Sql.count(ds, "select count(*) from public.profiles where id = ?", user.id()));
        assertEquals(0L, Sql.count(ds, "select count(*) from auth.sessions where user_id = ?", user.id()));
        assertEquals("{}", Sql.one(ds, "select string_agg(distinct identity_data::text, ',') from auth.identities where user_id = ?", user.id()));
    }

    @Test
    void valuesThatLookLikeSqlAreStoredAsTheyAre(SupabaseDatabase db) throws Exception {
        String nasty = "o'brien\"; drop table public.profiles; -- $$ $x$";
        AuthUser user = db.auth().signUp("o'brien+$$@example.com", "pw'$$", Map.of("name", nasty));
        assertEquals("o'brien+$$@example.com", user.email());
        assertEquals(nasty, user.userMetadata().get("name"));
        assertEquals(nasty, Sql.one(db.dataSource(), "select display_name from public.profiles where id = ?", user.id()));
    }
}
