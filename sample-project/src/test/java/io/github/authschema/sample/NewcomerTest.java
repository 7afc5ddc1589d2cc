package io.github.authschema.sample;

import io.github.authschema.testkit.AuthUser;
import io.github.authschema.testkit.SupabaseDatabase;
import io.github.authschema.testkit.SupabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's test-kit quick start, verbatim, so it keeps working. */
@SupabaseTest                                   // applies supabase/migrations once per JVM
class NewcomerTest {
    @Test
    void oneUserFromWhatsAppToApp(SupabaseDatabase db) throws Exception {   // a fresh clone per test
        AuthUser user = db.auth().signInWithOtp("+1 555 123 4567");        // phone OTP, get-or-create
        user = db.auth().linkEmail(user, "ana@example.com");               // same user, email added

        try (Connection c = db.connectAs(user)) {                           // role authenticated + JWT claims
            ResultSet rs = c.createStatement().executeQuery("select email, phone from public.profiles");
            assertTrue(rs.next());
            assertEquals("ana@example.com", rs.getString(1));
            assertEquals("15551234567", rs.getString(2));                   // the auth service's form
        }
        try (Connection anon = db.connectAsAnon()) {                        // no GRANT to anon: the Data API says 42501
            assertThrows(SQLException.class, () -> anon.createStatement().executeQuery("select 1 from public.profiles"));
        }
        db.auth().deleteUser(user);                                         // fires every ON DELETE
        assertNull(db.auth().user(user.id()));
    }
}
