package io.github.authschema.testkit;

import io.github.authschema.testkit.AccessMatrix.Actor;
import io.github.authschema.testkit.AccessMatrix.Command;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SupabaseDatabase#rls(String)} finds who reaches whose rows by trying, and leaves the database as it was. Each
 * attempt acts as PostgREST sets up a request (PostgREST src/PostgREST/Query/PreQuery.hs: search_path, role,
 * request.jwt.claims, request.method, transaction-local).
 */
@SupabaseTest(migrations = "classpath:fixtures/rls-app")
class AccessMatrixTest {

    @Test
    void ownerOnlyPoliciesKeepEveryoneElseOut(SupabaseDatabase db) {
        AccessMatrix todos = db.rls("public.todos");
        assertTrue(todos.onlyTheOwner(), todos::toString);
        assertEquals(EnumSet.allOf(Command.class), todos.allowed().get(Actor.OWNER), todos::toString);
        assertEquals("user_id", todos.ownedThrough());
    }

    @Test
    void aPublicReadPolicyLetsTheOtherUserAndAnonRead(SupabaseDatabase db) {
        AccessMatrix profiles = db.rls("profiles");
        assertEquals(Set.of(Command.SELECT), profiles.allowed().get(Actor.OTHER_USER), profiles::toString);
        assertEquals(Set.of(Command.SELECT), profiles.allowed().get(Actor.ANON), profiles::toString);
        assertEquals(Set.of(Command.SELECT, Command.UPDATE), profiles.allowed().get(Actor.OWNER), profiles::toString);
    }

    @Test
    void aRowOwnedThroughItsParentIsMadeWithTheParentAndPoliciesThatCheckOnlySignInLeak(SupabaseDatabase db) {
        AccessMatrix items = db.rls("public.items");
        assertEquals("list_id → public.lists.owner_id", items.ownedThrough());
        assertEquals(Set.of(Command.SELECT, Command.UPDATE), items.allowed().get(Actor.OTHER_USER), items::toString);
        assertTrue(items.allows(Actor.OWNER, Command.SELECT), items::toString);
    }

    @Test
    void anonMayWriteWhereAPolicySaysSo(SupabaseDatabase db) {
        AccessMatrix messages = db.rls("public.contact_messages");
        assertNull(messages.ownedThrough());
        assertEquals(Set.of(Command.INSERT), messages.allowed().get(Actor.ANON), messages::toString);
    }

    @Test
    void aTableWhoseRowsCannotBeMadeSaysWhy(SupabaseDatabase db) {
        AccessMatrix vouchers = db.rls("public.vouchers");
        assertTrue(vouchers.skippedBecause().contains("vouchers_code_check"), vouchers.toString());
        assertFalse(vouchers.onlyTheOwner());
    }

    /** Since 2026 the service role needs a grant too: it bypasses RLS, not privileges. */
    @Test
    void theServiceRoleReachesWhatItIsGranted(SupabaseDatabase db) {
        assertEquals(Set.of(), db.rls("public.todos").allowed().get(Actor.SERVICE_ROLE));
        assertEquals(EnumSet.allOf(Command.class), db.rls("public.notes").allowed().get(Actor.SERVICE_ROLE));
    }

    @Test
    void theProbeLeavesNothingBehind(SupabaseDatabase db) throws Exception {
        db.rls("public.items");
        assertEquals(0L, Sql.count(db.dataSource(), "select (select count(*) from auth.users) + (select count(*) from public.lists) "
                + "+ (select count(*) from public.items)"));
    }

    @Test
    void aTableThatDoesNotExistIsNamed(SupabaseDatabase db) {
        SupabaseKitException e = assertThrows(SupabaseKitException.class, () -> db.rls("public.nope"));
        assertTrue(e.getMessage().contains("public.nope"), e.getMessage());
    }

    @Test
    void theMatrixPrintsAsATable(SupabaseDatabase db) {
        assertEquals("""
                public.todos (owned through user_id)
                               select insert update delete
                  owner        yes    yes    yes    yes
                  other user   no     no     no     no
                  anon         no     no     no     no
                  service role no     no     no     no""", db.rls("public.todos").toString());
    }

    @Test
    void aWithCheckWeakerThanUsingLetsTheOwnerHandARowOver(SupabaseDatabase db) {
        AccessMatrix notes = db.rls("public.notes");
        assertTrue(notes.ownerCanHandOver(), notes::toString);
        assertTrue(notes.toString().endsWith("the owner may hand a row over to another user"), notes::toString);
    }
}
