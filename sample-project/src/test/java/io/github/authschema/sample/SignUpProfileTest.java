package io.github.authschema.sample;

import io.github.authschema.testkit.AuthUser;
import io.github.authschema.testkit.SupabaseDatabase;
import io.github.authschema.testkit.SupabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The sign-up trigger makes a profile for every kind of user, running as the auth service does. */
@SupabaseTest
class SignUpProfileTest {

    @Test
    void emailUserGetsAProfile(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signUp("ana@example.com", "pw", Map.of("name", "Ana"));
        try (Connection c = db.dataSource().getConnection()) {
            assertEquals("Ana", Db.one(c, "select display_name from public.profiles where id = ?", user.id()));
            assertEquals("ana@example.com", Db.one(c, "select email from public.profiles where id = ?", user.id()));
        }
    }

    @Test
    void phoneOnlyUserWithoutEmailGetsAProfile(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signInWithOtp("+15550001234");
        try (Connection c = db.dataSource().getConnection()) {
            assertEquals("15550001234", Db.one(c, "select phone from public.profiles where id = ?", user.id()));
            assertNull(Db.one(c, "select email from public.profiles where id = ?", user.id()));
        }
    }

    @Test
    void anonymousUserGetsAProfile(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signInAnonymously();
        try (Connection c = db.dataSource().getConnection()) {
            assertEquals(1L, Db.one(c, "select count(*) from public.profiles where id = ?", user.id()));
        }
    }
}
