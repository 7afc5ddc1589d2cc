package io.github.authschema.testkit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignUpTriggerFailureTest {

    @Test
    void aTriggerThatIsNotSecurityDefinerFailsAsInProduction() throws Exception {
        try (SupabasePostgres pg = SupabasePostgres.builder().migrations("classpath:fixtures/insecure-trigger").start();
             SupabaseDatabase db = pg.newDatabase()) {
            AuthFlowException e = assertThrows(AuthFlowException.class, () -> db.auth().signUp("a@example.com", "pw"));
            assertEquals("Database error saving new user", e.authMessage());
            assertEquals("42501", e.sqlState());
            assertTrue(e.postgresMessage().contains("permission denied for table profiles"), e.postgresMessage());
            assertTrue(e.where().contains("handle_new_user"), e.where());
            assertEquals(0L, Sql.count(db.dataSource(), "select count(*) from auth.users"), "the failed sign-up is rolled back");
        }
    }

    @Test
    void aTriggerThatNeedsAnEmailFailsForPhoneUsersOnly() throws Exception {
        try (SupabasePostgres pg = SupabasePostgres.builder().migrations("classpath:fixtures/email-only-trigger").start();
             SupabaseDatabase db = pg.newDatabase()) {
            db.auth().signUp("ok@example.com", "pw");
            AuthFlowException e = assertThrows(AuthFlowException.class, () -> db.auth().signInWithOtp("+15551234567"));
            assertEquals("23502", e.sqlState());
            assertTrue(e.getMessage().startsWith("Database error saving new user"), e.getMessage());
            assertNull(Sql.one(db.dataSource(), "select id from auth.users where phone = '15551234567' union all select null limit 1"));
        }
    }
}
