package io.github.authschema.testkit;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a trigger on auth.users sees during each flow, recorded by one (fixtures/observed-flows) and
 * compared with the statements of supabase/auth at the pinned commit (bc32168e), with the hosted
 * defaults: email and phone confirmations on. Each list is one UPDATE per line, as the service's ORM
 * sends them; "|" separates the HTTP calls, which are separate transactions.
 */
@SupabaseTest(migrations = "classpath:fixtures/observed-flows")
class AuthFlowFidelityTest {

    /** The changed columns of each INSERT and UPDATE, with "|" where the transaction changes. */
    private static String observed(DataSource ds) throws SQLException {
        List<Object> rows = Sql.column(ds, "select case when tx <> lag(tx) over (order by seq) then '| ' else '' end "
                + "|| op || case when changed = '' then '' else ' ' || changed end from public.observed order by seq");
        return String.join("\n", rows.stream().map(String::valueOf).toList());
    }

    private static void clear(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate public.observed");
        }
    }

    private static void failOn(DataSource ds, String what) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into public.fail_on values ('" + what + "')");
        }
    }

    /** internal/api/signup.go signupNewUser; models/user.go RemoveUnconfirmedIdentities, Confirm; verify.go signupVerify. */
    @Test
    void emailSignUpCopiesTheIdentityIntoTheMetadataAndConfirmsInALaterCall(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signUp("Ada@Example.com", "pw", Map.of("name", "Ada"));
        assertEquals(String.join("\n",
                "INSERT",
                "UPDATE role",
                "UPDATE raw_user_meta_data",
                "UPDATE",                                   // raw_app_meta_data rewritten with the same providers
                "UPDATE confirmation_token",
                "| UPDATE confirmation_token,email_confirmed_at",
                "UPDATE raw_user_meta_data",
                "UPDATE",                                   // providers again
                "UPDATE last_sign_in_at"), observed(db.dataSource()));
        DataSource ds = db.dataSource();
        assertEquals("", Sql.one(ds, "select role from public.observed order by seq limit 1"), "the INSERT is not the final row");
        assertEquals("{\"name\": \"Ada\"}", Sql.one(ds, "select user_meta::text from public.observed order by seq limit 1"));
        assertEquals("{\"sub\": \"" + user.id() + "\", \"name\": \"Ada\", \"email\": \"ada@example.com\", \"email_verified\": false, "
                + "\"phone_verified\": false}", Sql.one(ds, "select user_meta::text from public.observed where changed = 'raw_user_meta_data' "
                + "order by seq limit 1"));
        assertEquals("true", Sql.one(ds, "select raw_user_meta_data ->> 'email_verified' from auth.users where id = ?", user.id()));
        assertEquals("otp", Sql.one(ds, "select authentication_method from auth.mfa_amr_claims where session_id = ?", user.sessionId()));
        assertEquals(List.of("user_confirmation_requested", "user_signedup"),
                Sql.column(ds, "select payload ->> 'action' from auth.audit_log_entries order by created_at, payload ->> 'action'"));
    }

    /** otp.go SmsOtp, phone.go sendPhoneConfirmation, verify.go smsVerify: a login confirms the phone again. */
    @Test
    void aPhoneLoginSetsPhoneConfirmedAtAgainAndRewritesTheProviders(SupabaseDatabase db) throws Exception {
        AuthUser first = db.auth().signInWithOtp("+1 555 000 1111");
        clear(db.dataSource());
        AuthUser again = db.auth().signInWithOtp("15550001111");
        assertEquals(first.id(), again.id());
        assertEquals(String.join("\n",
                "UPDATE confirmation_token",
                "| UPDATE confirmation_token,phone_confirmed_at",
                "UPDATE",
                "UPDATE last_sign_in_at"), observed(db.dataSource()));
        assertEquals("otp", Sql.one(db.dataSource(), "select authentication_method from auth.mfa_amr_claims where session_id = ?",
                again.sessionId()));
        assertEquals("{\"sub\": \"" + first.id() + "\", \"email_verified\": false, \"phone_verified\": false}",
                Sql.one(db.dataSource(), "select identity_data::text from auth.identities where user_id = ?", first.id()),
                "the sign-up's phone identity has no phone key, and phone_verified never becomes true");
    }

    /** verify.go emailChangeVerify: is_anonymous goes false while the email is still NULL. */
    @Test
    void anAnonymousUserBecomesPermanentBeforeTheEmailIsWritten(SupabaseDatabase db) throws Exception {
        AuthUser anon = db.auth().signInAnonymously();
        clear(db.dataSource());
        db.auth().linkEmail(anon, "later@example.com");
        assertEquals(String.join("\n",
                "UPDATE email_change",
                "| UPDATE is_anonymous",
                "UPDATE email,email_change",
                "UPDATE email_confirmed_at",
                "UPDATE raw_user_meta_data",
                "UPDATE raw_app_meta_data",
                "UPDATE last_sign_in_at"), observed(db.dataSource()));
        assertNull(Sql.one(db.dataSource(), "select email from public.observed where changed = 'is_anonymous'"));
    }

    /** verify.go smsVerify for phone_change: the phone first, then is_anonymous in its own UPDATE. */
    @Test
    void anAnonymousUserGetsThePhoneFirstThenBecomesPermanent(SupabaseDatabase db) throws Exception {
        AuthUser anon = db.auth().signInAnonymously();
        clear(db.dataSource());
        db.auth().linkPhone(anon, "+15550002222");
        assertEquals(String.join("\n",
                "UPDATE phone_change",
                "| UPDATE phone,phone_confirmed_at,phone_change",
                "UPDATE is_anonymous",
                "UPDATE raw_app_meta_data",
                "UPDATE last_sign_in_at"), observed(db.dataSource()));
        assertEquals("15550002222", Sql.one(db.dataSource(), "select phone from public.observed where changed = 'is_anonymous'"));
    }

    /** One transaction per HTTP call (signup.go, verify.go): a trigger failing at verify leaves the unconfirmed user. */
    @Test
    void aTriggerFailingAtVerifyLeavesTheSignedUpUserUnconfirmed(SupabaseDatabase db) throws Exception {
        failOn(db.dataSource(), "email_confirmed_at");
        AuthFlowException e = assertThrows(AuthFlowException.class, () -> db.auth().signUp("pending@example.com", "pw"));
        assertEquals("Error confirming user", e.authMessage());
        assertEquals(AuthErrorCode.UNEXPECTED_FAILURE, e.code());
        assertEquals(1L, Sql.count(db.dataSource(), "select count(*) from auth.users where email = 'pending@example.com' "
                + "and email_confirmed_at is null"));
    }

    /** signup.go signupNewUser: the words depend on the statement that fails. */
    @Test
    void eachStatementFailsWithTheServicesOwnWords(SupabaseDatabase db) throws Exception {
        failOn(db.dataSource(), "insert");
        assertEquals("Database error saving new user",
                assertThrows(AuthFlowException.class, () -> db.auth().signUp("a@example.com", "pw")).authMessage());
        assertEquals("Database error creating anonymous user",
                assertThrows(AuthFlowException.class, () -> db.auth().signInAnonymously()).authMessage());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("update public.fail_on set what = 'role'");
        }
        assertEquals("Database error updating user",
                assertThrows(AuthFlowException.class, () -> db.auth().signInWithOtp("+15550003333")).authMessage());
    }

    /** models/user.go SoftDeleteUser: NULL and empty values are hashed too; factors and sessions go. */
    @Test
    void softDeleteHashesEvenTheEmailAPhoneUserNeverHad(SupabaseDatabase db) throws Exception {
        AuthUser phoneUser = db.auth().signInWithOtp("+15550004444");
        db.auth().softDeleteUser(phoneUser);
        DataSource ds = db.dataSource();
        String email = (String) Sql.one(ds, "select email from auth.users where id = ?", phoneUser.id());
        assertEquals(43, email.length(), email);
        assertTrue(email.matches("[A-Za-z0-9_-]+"), email);
        assertEquals(15, ((String) Sql.one(ds, "select phone from auth.users where id = ?", phoneUser.id())).length());
        assertEquals(0L, Sql.count(ds, "select count(*) from auth.sessions where user_id = ?", phoneUser.id()));
        assertEquals("{}", Sql.one(ds, "select raw_app_meta_data::text from auth.users where id = ?", phoneUser.id()));
        assertNotEquals(phoneUser.id().toString(), Sql.one(ds, "select provider_id from auth.identities where user_id = ?", phoneUser.id()));
    }

    /** internal/api/phone.go validatePhone: one leading '+' is removed first, then the spaces. */
    @Test
    void aPhoneIsNormalisedInTheServicesOrder(Auth auth) {
        assertEquals("15550005555", auth.signInWithOtp("+1 555 000 5555").phone());
        AuthFlowException e = assertThrows(AuthFlowException.class, () -> auth.signInWithOtp(" +15550005555"));
        assertEquals(AuthErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("Invalid phone number format (E.164 required)", e.authMessage());
    }

    /** internal/api/mail.go validateEmail: no trimming; lower case. */
    @Test
    void anEmailIsLowerCasedButNotTrimmed(Auth auth) {
        assertEquals("mixed@example.com", auth.signUp("Mixed@Example.com", "pw").email());
        assertEquals(AuthErrorCode.VALIDATION_FAILED,
                assertThrows(AuthFlowException.class, () -> auth.signUp(" padded@example.com", "pw")).code());
    }
}
