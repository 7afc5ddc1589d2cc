package io.github.authschema.sample;

import io.github.authschema.testkit.AccessMatrix;
import io.github.authschema.testkit.AuthUser;
import io.github.authschema.testkit.SupabaseDatabase;
import io.github.authschema.testkit.SupabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row-level security as PostgREST applies it: the user, anon, and the service role. */
@SupabaseTest
class ConversationRlsTest {

    @Test
    void aUserSeesOnlyTheirConversationsAnonNoneServiceRoleAll(SupabaseDatabase db) throws Exception {
        AuthUser ana = db.auth().signUp("ana@example.com", "pw");
        AuthUser ben = db.auth().signInWithOtp("+15553334444");
        Object anasConversation;
        try (Connection c = db.connectAs(ana)) {
            anasConversation = Db.one(c, "insert into public.conversations (owner_id, channel) values (?, 'app') returning id", ana.id());
            Db.one(c, "insert into public.messages (conversation_id, sender_id, body) values (?, ?, 'hi') returning id", anasConversation, ana.id());
        }
        try (Connection c = db.connectAs(ben)) {
            Db.one(c, "insert into public.conversations (owner_id, channel) values (?, 'whatsapp') returning id", ben.id());
        }

        try (Connection c = db.connectAs(ana)) {
            assertEquals(List.of(anasConversation), Db.query(c, "select id from public.conversations"));
            assertEquals(List.of("hi"), Db.query(c, "select body from public.messages"));
        }
        try (Connection c = db.connectAs(ben)) {
            assertEquals(List.of(), Db.query(c, "select body from public.messages"));
        }
        try (Connection c = db.connectAsAnon()) {
            // conversations are granted to authenticated only: since 2026 anon does not reach them at all
            assertEquals("42501", assertThrows(SQLException.class, () -> Db.query(c, "select id from public.conversations")).getSQLState());
        }
        try (Connection c = db.connectAsServiceRole()) {
            assertEquals(2, Db.query(c, "select id from public.conversations").size());
        }
    }

    /** The same, tried by the test-kit for every table a user owns a row in: nobody but the owner reaches it. */
    @Test
    void onlyTheOwnerReachesTheirRows(SupabaseDatabase db) {
        for (String table : List.of("public.profiles", "public.conversations", "public.messages", "public.carts", "public.orders",
                "public.order_items")) {
            AccessMatrix access = db.rls(table);
            assertTrue(access.onlyTheOwner(), access::toString);
        }
    }
}
