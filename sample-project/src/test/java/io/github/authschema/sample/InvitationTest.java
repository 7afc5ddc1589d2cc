package io.github.authschema.sample;

import io.github.authschema.testkit.AuthUser;
import io.github.authschema.testkit.SupabaseDatabase;
import io.github.authschema.testkit.SupabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Admins pre-register members by phone; the first sign-in with that phone claims the invitation. */
@SupabaseTest
class InvitationTest {

    @Test
    void aPendingInvitationIsClaimedOnFirstSignIn(SupabaseDatabase db) throws Exception {
        try (Connection admin = db.connectAsServiceRole()) {
            Db.one(admin, "select public.invite_member(?, 'staff')", "+1 555 222 3333");
        }
        AuthUser member = db.auth().signInWithOtp("+15552223333");

        try (Connection c = db.dataSource().getConnection()) {
            assertEquals(member.id(), Db.one(c, "select claimed_by from public.member_invitations where phone = '15552223333'"));
            assertEquals("staff", Db.one(c, "select member_role from public.profiles where id = ?", member.id()));
        }
        try (Connection asMember = db.connectAs(member)) {
            assertEquals(1, Db.query(asMember, "select id from public.member_invitations").size());
        }
    }

    @Test
    void onlyTheServiceRoleMayInvite(SupabaseDatabase db) throws Exception {
        AuthUser someone = db.auth().signUp("someone@example.com", "pw");
        try (Connection c = db.connectAs(someone)) {
            SQLException e = assertThrows(SQLException.class, () -> Db.one(c, "select public.invite_member('+15550009999')"));
            assertEquals("42501", e.getSQLState());
        }
    }
}
