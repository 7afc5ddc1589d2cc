package io.github.authschema.sample;

import io.github.authschema.testkit.AuthUser;
import io.github.authschema.testkit.SupabaseDatabase;
import io.github.authschema.testkit.SupabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Deleting an account and converting an anonymous visitor. */
@SupabaseTest
class AccountLifecycleTest {

    @Test
    void deletingAUserRemovesTheirDataAndLeavesOthersUntouched(SupabaseDatabase db) throws Exception {
        AuthUser leaving = db.auth().signInWithOtp("+15556667777");
        AuthUser staying = db.auth().signUp("stay@example.com", "pw");
        Object stayingConversation;
        try (Connection c = db.dataSource().getConnection()) {
            for (AuthUser u : List.of(leaving, staying)) {
                Db.one(c, "insert into public.orders (user_id, total_cents) values (?, 1200) returning id", u.id());
                Db.one(c, "insert into public.carts (user_id) values (?) returning user_id", u.id());
            }
            Db.one(c, "insert into public.conversations (owner_id, channel) values (?, 'whatsapp') returning id", leaving.id());
            stayingConversation = Db.one(c, "insert into public.conversations (owner_id, channel) values (?, 'app') returning id", staying.id());
            // the leaving user also wrote in someone else's conversation
            Db.one(c, "insert into public.messages (conversation_id, sender_id, body) values (?, ?, 'thanks') returning id",
                    stayingConversation, leaving.id());
        }

        db.auth().deleteUser(leaving);

        try (Connection c = db.dataSource().getConnection()) {
            for (String table : List.of("public.orders", "public.carts")) {
                assertEquals(0L, Db.one(c, "select count(*) from " + table + " where user_id = ?", leaving.id()), table);
                assertEquals(1L, Db.one(c, "select count(*) from " + table + " where user_id = ?", staying.id()), table);
            }
            assertEquals(0L, Db.one(c, "select count(*) from public.conversations where owner_id = ?", leaving.id()));
            assertEquals(0L, Db.one(c, "select count(*) from public.profiles where id = ?", leaving.id()));
            assertEquals(1L, Db.one(c, "select count(*) from public.profiles where id = ?", staying.id()));
            assertNull(Db.one(c, "select sender_id from public.messages where conversation_id = ?", stayingConversation),
                    "the message stays in the other person's conversation, without a sender");
        }
    }

    @Test
    void anAnonymousCartSurvivesConversion(SupabaseDatabase db) throws Exception {
        AuthUser visitor = db.auth().signInAnonymously();
        try (Connection c = db.connectAs(visitor)) {
            Db.update(c, "insert into public.carts (user_id, items) values (?, '[{\"product\": \"tea\", \"quantity\": 2}]')", visitor.id());
        }

        AuthUser customer = db.auth().linkEmail(visitor, "new.customer@example.com");

        assertEquals(visitor.id(), customer.id());
        try (Connection c = db.connectAs(customer)) {
            assertEquals("tea", Db.one(c, "select items -> 0 ->> 'product' from public.carts"));
            assertEquals(false, Db.one(c, "select (auth.jwt() ->> 'is_anonymous')::boolean"));
        }
    }
}
