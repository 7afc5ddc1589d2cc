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
            // the fixture grants profiles to authenticated only: since 2026 that is all the Data API lets anon near it
            SQLException denied = assertThrows(SQLException.class, () -> Sql.column(c, "select id from public.profiles"));
            assertEquals("42501", denied.getSQLState());
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

    /**
     * PostgREST's preamble (src/PostgREST/Query/PreQuery.hs): the impersonated role's own settings,
     * the request's method, path, headers (lower-cased, apikey and authorization included) and cookies;
     * the claims' amr from the session the user signed in with (tokens/service.go, mfa_amr_claims).
     */
    @Test
    void aConnectionActsOutOneRequestAsPostgrestSetsItUp(SupabaseDatabase db) throws Exception {
        AuthUser phoneUser = db.auth().signInWithOtp("+15553334444");
        try (Connection c = db.connectAs(phoneUser)) {
            assertEquals("8s", Sql.one(c, "select current_setting('statement_timeout')"));
            assertEquals("GET", Sql.one(c, "select current_setting('request.method')"));
            assertEquals("otp", Sql.one(c, "select auth.jwt() -> 'amr' -> 0 ->> 'method'"));
            assertEquals("public", Sql.one(c, "select current_setting('request.headers')::json ->> 'accept-profile'"));
            assertTrue(((String) Sql.one(c, "select current_setting('request.headers')::json ->> 'authorization'")).startsWith("Bearer ey"));
        }
        try (Connection c = db.connectAsAnon(ApiRequest.post("/rpc/claim_invite").withHeader("X-Forwarded-For", "203.0.113.7")
                .withCookie("sb-session", "abc"))) {
            assertEquals("3s", Sql.one(c, "select current_setting('statement_timeout')"), "anon's own statement_timeout");
            assertEquals("POST", Sql.one(c, "select current_setting('request.method')"));
            assertEquals("/rpc/claim_invite", Sql.one(c, "select current_setting('request.path')"));
            assertEquals("203.0.113.7", Sql.one(c, "select current_setting('request.headers')::json ->> 'x-forwarded-for'"));
            assertEquals("abc", Sql.one(c, "select current_setting('request.cookies')::json ->> 'sb-session'"));
            assertEquals("anon-key", Sql.one(c, "select current_setting('request.headers')::json ->> 'apikey'"));
        }
        AuthUser anonymous = db.auth().signInAnonymously();
        try (Connection c = db.connectAs(anonymous)) {
            assertEquals("anonymous", Sql.one(c, "select auth.jwt() -> 'amr' -> 0 ->> 'method'"));
        }
    }

    /** src/PostgREST/Query/PreQuery.hs sets everything with set_config(…, true): it ends with the transaction. */
    @Test
    void theRequestsSettingsLastOneTransactionAsInPostgrest(SupabaseDatabase db) throws Exception {
        AuthUser user = db.auth().signUp("tx@example.com", "pw");
        try (Connection c = db.connectAs(user)) {
            c.setAutoCommit(false);
            assertEquals("authenticated", Sql.one(c, "select current_user"));
            Sql.one(c, "select set_config('app.note', 'inside', true)");
            assertEquals("inside", Sql.one(c, "select current_setting('app.note', true)"));
            c.commit();
            assertEquals("", Sql.one(c, "select coalesce(current_setting('app.note', true), '')"), "a new transaction, a new request");
            assertEquals(user.id(), Sql.one(c, "select auth.uid()"), "whose preamble runs again");
            c.rollback();
        }
    }
}
