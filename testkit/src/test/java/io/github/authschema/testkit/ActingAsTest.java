package io.github.authschema.testkit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SupabaseTest(migrations = "classpath:fixtures/profiles")
class ActingAsTest {

    @Test
    void aUserSeesOnlyTheirOwnRowsAnonNothingServiceRoleAll(SupabaseDatabase db) throws Exception {
        AuthUser alice = db.auth().signUp("alice@example.com", "pw");
        AuthUser bob = db.auth().signInWithOtp("+15551112222");

        try (Connection c = db.connectAs(alice)) {
            assertEquals(List.of(alice.id()), Sql.column(c, "select id from public.profiles"));
            assertEquals(alice.id(), Sql.one(c, "select auth.uid()"));
            assertEquals("authenticated", Sql.one(c, "select auth.role()"));
            assertEquals("alice@example.com", Sql.one(c, "select auth.email()"));
            assertEquals("aal1", Sql.one(c, "select auth.jwt() ->> 'aal'"));
            assertEquals("false", Sql.one(c, "select auth.jwt() ->> 'is_anonymous'"));
            assertEquals(alice.sessionId().toString(), Sql.one(c, "select auth.jwt() ->> 'session_id'"));
            assertEquals("authenticated", Sql.one(c, "select current_user"));
        }
        try (Connection c = db.connectAs(bob)) {
            assertEquals("15551112222", Sql.one(c, "select auth.jwt() ->> 'phone'"));
            assertEquals(List.of(bob.id()), Sql.column(c, "select id from public.profiles"));
        }
        try (Connection c = db.connectAsAnon()) {
            assertEquals(List.of(), Sql.column(c, "select id from public.profiles"));
            assertEquals("anon", Sql.one(c, "select auth.role()"));
            assertEquals(null, Sql.one(c, "select auth.uid()"));
        }
        try (Connection c = db.connectAsServiceRole()) {
            assertEquals(2, Sql.column(c, "select id from public.profiles").size());
        }
    }

    @Test
    void policiesRejectWritesForSomeoneElse(SupabaseDatabase db) throws Exception {
        AuthUser alice = db.auth().signUp("alice@example.com", "pw");
        AuthUser bob = db.auth().signUp("bob@example.com", "pw");
        try (Connection c = db.connectAs(alice)) {
            Sql.column(c, "insert into public.notes (user_id, body) values (?, 'mine') returning id", alice.id());
            SQLException e = assertThrows(SQLException.class,
                    () -> Sql.column(c, "insert into public.notes (user_id, body) values (?, 'forged') returning id", bob.id()));
            assertEquals("42501", e.getSQLState());
        }
    }

    @Test
    void authTablesAreNotReadableByApiRoles(SupabaseDatabase db) throws Exception {
        AuthUser alice = db.auth().signUp("alice@example.com", "pw");
        try (Connection c = db.connectAs(alice)) {
            SQLException e = assertThrows(SQLException.class, () -> Sql.column(c, "select id from auth.users"));
            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        }
    }
}
