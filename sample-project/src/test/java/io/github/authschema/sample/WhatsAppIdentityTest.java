package io.github.authschema.sample;

import io.github.authschema.testkit.AuthUser;
import io.github.authschema.testkit.SupabaseDatabase;
import io.github.authschema.testkit.SupabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stories of people who reach us by WhatsApp, by the app, or both. */
@SupabaseTest
class WhatsAppIdentityTest {

    /** The webhook's service-side get-or-create: normalise in SQL, then the auth service's phone flow. */
    private static AuthUser getOrCreateWhatsAppUser(SupabaseDatabase db, String webhookFrom) throws Exception {
        try (Connection c = db.connectAsServiceRole()) {
            String phone = (String) Db.one(c, "select public.normalize_phone(?)", webhookFrom);
            return db.auth().signInWithOtp(phone);
        }
    }

    @Test
    void aWhatsAppGetOrCreateTwiceGivesOneUser(SupabaseDatabase db) throws Exception {
        AuthUser first = getOrCreateWhatsAppUser(db, "whatsapp:+15551234567");
        AuthUser again = getOrCreateWhatsAppUser(db, "whatsapp:+15551234567");

        assertEquals(first.id(), again.id());
        assertEquals("15551234567", first.phone());
        try (Connection c = db.dataSource().getConnection()) {
            assertEquals(1L, Db.one(c, "select count(*) from auth.users"));
        }
    }

    @Test
    void whatsAppAndAppInputsOfOneNumberMatchOnePerson(SupabaseDatabase db) throws Exception {
        AuthUser fromWhatsApp = getOrCreateWhatsAppUser(db, "whatsapp:+15551234567");
        AuthUser fromApp = getOrCreateWhatsAppUser(db, "+1 (555) 123-4567");
        assertEquals(fromWhatsApp.id(), fromApp.id());
    }

    @Test
    void aPhoneUserWhoLinksAnEmailStaysOneUser(SupabaseDatabase db) throws Exception {
        AuthUser whatsApp = getOrCreateWhatsAppUser(db, "whatsapp:+15557654321");
        AuthUser linked = db.auth().linkEmail(whatsApp, "maria@example.com");

        assertEquals(whatsApp.id(), linked.id());
        assertEquals("maria@example.com", linked.email());
        try (Connection c = db.dataSource().getConnection()) {
            assertEquals(1L, Db.one(c, "select count(*) from auth.users"));
            assertEquals("maria@example.com", Db.one(c, "select email from public.profiles where id = ?", whatsApp.id()));
            assertEquals("15557654321", Db.one(c, "select phone from public.profiles where id = ?", whatsApp.id()));
        }
    }
}
