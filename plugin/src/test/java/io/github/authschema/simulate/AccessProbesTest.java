package io.github.authschema.simulate;

import io.github.authschema.testkit.AccessMatrix.Actor;
import io.github.authschema.testkit.AccessMatrix.Command;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.engine.EmbeddedServer;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.platform.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe on two connections answers exactly as on one: tables joined by foreign keys stay on one
 * connection, and each connection signs up its own two users.
 */
class AccessProbesTest {
    private static final String SCHEMA = """
            create table public.profiles (id uuid primary key references auth.users (id) on delete cascade,
              username text not null unique);
            create function public.handle_new_user() returns trigger language plpgsql security definer set search_path = '' as $$
            begin
              insert into public.profiles (id, username) values (new.id, split_part(new.email, '@', 1));
              return new;
            end $$;
            create trigger on_auth_user_created after insert on auth.users for each row execute function public.handle_new_user();
            alter table public.profiles enable row level security;
            create policy "profiles are public" on public.profiles for select to anon, authenticated using (true);
            create policy "own profile" on public.profiles for update to authenticated using ((select auth.uid()) = id);
            grant select, update on public.profiles to anon, authenticated;

            create table public.orgs (id bigint generated always as identity primary key, slug text not null unique,
              created_by uuid not null references auth.users (id) on delete cascade);
            create table public.members (org_id bigint not null references public.orgs (id) on delete cascade,
              user_id uuid not null references auth.users (id) on delete cascade, primary key (org_id, user_id));
            create table public.projects (id bigint generated always as identity primary key,
              org_id bigint not null references public.orgs (id) on delete cascade, name text not null);
            alter table public.orgs enable row level security;
            alter table public.members enable row level security;
            alter table public.projects enable row level security;
            create policy "creator" on public.orgs for all to authenticated using ((select auth.uid()) = created_by)
              with check ((select auth.uid()) = created_by);
            create policy "own membership" on public.members for all to authenticated using ((select auth.uid()) = user_id)
              with check ((select auth.uid()) = user_id);
            create policy "any member's org" on public.projects for all to authenticated
              using (exists (select 1 from public.members m where m.org_id = projects.org_id))
              with check (true);
            grant select, insert, update, delete on public.orgs, public.members, public.projects to authenticated;

            create table public.notes (id bigint generated always as identity primary key,
              user_id uuid not null references auth.users (id) on delete cascade, body text not null);
            alter table public.notes enable row level security;
            create policy "own notes" on public.notes for all to authenticated using ((select auth.uid()) = user_id)
              with check ((select auth.uid()) = user_id);
            grant select, insert, update, delete on public.notes to authenticated;

            create table public.posts (id bigint generated always as identity primary key,
              author_id uuid not null references auth.users (id) on delete cascade, title text not null);
            alter table public.posts enable row level security;
            create policy "read all" on public.posts for select to anon, authenticated using (true);
            create policy "write own" on public.posts for insert to authenticated with check ((select auth.uid()) = author_id);
            grant select on public.posts to anon;
            grant select, insert on public.posts to authenticated;

            create table public.tasks (id bigint generated always as identity primary key,
              user_id uuid not null references auth.users (id) on delete cascade,
              status text not null check (status in ('open', 'done')));
            alter table public.tasks enable row level security;
            create policy "own tasks" on public.tasks for all to authenticated using (true) with check ((select auth.uid()) = user_id);
            grant select, insert, update, delete on public.tasks to authenticated;
            """;

    /**
     * Two tables no foreign key or policy joins, so on two connections; each one's insert trigger
     * bumps two shared counters, in opposite orders, pausing between the two the first time each
     * connection gets there (a sequence, which a rollback does not undo, counts the pauses): probed at
     * once, the two connections deadlock.
     */
    private static final String DEADLOCKING = """
            create schema private;
            create table private.counters (id int primary key, n int not null);
            insert into private.counters values (1, 0), (2, 0);
            create sequence private.pauses;
            create function private.bump(first int, second int) returns void language plpgsql security definer set search_path = '' as $$
            begin
              update private.counters set n = n + 1 where id = first;
              if nextval('private.pauses') <= 2 then
                perform pg_sleep(0.5);
              end if;
              update private.counters set n = n + 1 where id = second;
            end $$;
            create function private.bump_one_then_two() returns trigger language plpgsql security definer set search_path = '' as $$
            begin perform private.bump(1, 2); return new; end $$;
            create function private.bump_two_then_one() returns trigger language plpgsql security definer set search_path = '' as $$
            begin perform private.bump(2, 1); return new; end $$;
            create table public.left_notes (id bigint generated always as identity primary key,
              user_id uuid not null references auth.users (id) on delete cascade);
            create table public.right_notes (id bigint generated always as identity primary key,
              user_id uuid not null references auth.users (id) on delete cascade);
            create trigger bump before insert on public.left_notes for each row execute function private.bump_one_then_two();
            create trigger bump before insert on public.right_notes for each row execute function private.bump_two_then_one();
            alter table public.left_notes enable row level security;
            alter table public.right_notes enable row level security;
            create policy "own" on public.left_notes for all to authenticated using ((select auth.uid()) = user_id)
              with check ((select auth.uid()) = user_id);
            create policy "own" on public.right_notes for all to authenticated using ((select auth.uid()) = user_id)
              with check ((select auth.uid()) = user_id);
            grant select, insert, update, delete on public.left_notes, public.right_notes to authenticated;
            """;

    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.start(Defaults.postgresMajor(), null);
        for (Map.Entry<String, String> database : Map.of("app", SCHEMA, "changing", SCHEMA, "deadlocking", DEADLOCKING).entrySet()) {
            Platform.createDatabase(server, database.getKey());
            try (Connection c = Jdbc.as(server, database.getKey(), "postgres"); Statement s = c.createStatement()) {
                s.execute(database.getValue());
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tablesJoinedByForeignKeysShareAConnectionAndTheOthersAreSpread() throws Exception {
        List<String> tables = List.of("public.members", "public.notes", "public.orgs", "public.posts", "public.profiles",
                "public.projects", "public.tasks");
        try (Connection c = Jdbc.admin(server, "app")) {
            List<List<Integer>> shares = AccessProbes.shares(ProbeKeys.groups(c), tables, 2);
            assertEquals(2, shares.size());
            Map<String, Integer> shareOf = tables.stream().collect(Collectors.toMap(Function.identity(),
                    t -> shares.get(0).contains(tables.indexOf(t)) ? 0 : 1));
            assertEquals(shareOf.get("public.orgs"), shareOf.get("public.members"));
            assertEquals(shareOf.get("public.orgs"), shareOf.get("public.projects"));
            assertEquals(List.of(3, 4), shares.stream().map(List::size).sorted().toList(), shares.toString());
            assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6)), AccessProbes.shares(new ProbeKeys.UnionFind(), tables, 1));
        }
    }

    @Test
    void twoConnectionsAnswerAsOne() throws Exception {
        Set<String> exposed = Set.of("public");
        List<TableAccess> alone = AccessProbes.run(server, "app", 4, exposed, 1, null).access();
        List<TableAccess> split = AccessProbes.run(server, "app", 4, exposed, 2, null).access();
        assertEquals(alone, split);
        Map<String, TableAccess> byTable = split.stream().collect(Collectors.toMap(TableAccess::table, Function.identity()));
        assertEquals(7, byTable.size(), byTable.keySet().toString());
        assertTrue(byTable.get("posts").matrix().allows(Actor.ANON, Command.SELECT));
        assertFalse(byTable.get("notes").matrix().allows(Actor.OTHER_USER, Command.SELECT));
        assertTrue(byTable.get("tasks").matrix().allows(Actor.OTHER_USER, Command.DELETE), "using (true) lets the other user delete");
        assertTrue(byTable.get("projects").matrix().skippedBecause() == null, byTable.get("projects").toString());
        assertTrue(byTable.get("profiles").matrix().allows(Actor.OWNER, Command.UPDATE), byTable.get("profiles").toString());
    }

    @Test
    void aTableWhoseTriggerDeadlocksWithTheOtherConnectionIsProbedAgainAloneAndAnswersAsOnOne() throws Exception {
        Set<String> exposed = Set.of("public");
        AccessProbes.Result split = AccessProbes.run(server, "deadlocking", 4, exposed, 2, null);
        assertEquals(1, split.probedAlone(), "PostgreSQL picks one of the two sessions of a deadlock to fail");
        AccessProbes.Result alone = AccessProbes.run(server, "deadlocking", 4, exposed, 1, null);
        assertEquals(0, alone.probedAlone());
        assertEquals(alone.access(), split.access());
        Map<String, TableAccess> byTable = byTable(split);
        assertTrue(byTable.get("left_notes").matrix().allows(Actor.OWNER, Command.INSERT), byTable.get("left_notes").toString());
        assertTrue(byTable.get("right_notes").matrix().allows(Actor.OWNER, Command.INSERT), byTable.get("right_notes").toString());
    }

    /** A cache must never hide a change: after each change, the answers equal those of a run that reuses nothing. */
    @Test
    void answersAreReusedOnlyForTablesNothingOfWhichChanged() throws Exception {
        Set<String> exposed = Set.of("public");
        AccessProbes.Result first = AccessProbes.run(server, "changing", 4, exposed, new AccessProbes.Reuse("inputs", Map.of()));
        assertEquals(0, first.reused());
        assertEquals(7, first.reusable().size());
        AccessProbes.Result again = AccessProbes.run(server, "changing", 4, exposed, new AccessProbes.Reuse("inputs", first.reusable()));
        assertEquals(7, again.reused());
        assertEquals(first.access(), again.access());
        assertEquals(0, AccessProbes.run(server, "changing", 4, exposed, new AccessProbes.Reuse("other seeds", first.reusable())).reused());

        // a policy on notes: only notes is probed again, and now the other user reads it
        AccessProbes.Result policy = afterChange("create policy \"anyone reads\" on public.notes for select to authenticated using (true)",
                again, 6);
        assertTrue(byTable(policy).get("notes").matrix().allows(Actor.OTHER_USER, Command.SELECT));
        // a check dropped on tasks; a grant taken from a table of the orgs group: that group, all three tables
        AccessProbes.Result check = afterChange("alter table public.tasks drop constraint tasks_status_check", policy, 6);
        AccessProbes.Result grant = afterChange("revoke delete on public.members from authenticated", check, 4);
        assertFalse(byTable(grant).get("members").matrix().allows(Actor.OWNER, Command.DELETE));
        // a row a migration adds, and nothing else (the foreign key's trigger off, so that auth.users stays as it was)
        AccessProbes.Result rows = afterChange("set session_replication_role = replica;"
                + "insert into public.orgs (slug, created_by) values ('seeded', gen_random_uuid());"
                + "set session_replication_role = origin", grant, 4);
        // a function: every table
        afterChange("create or replace function public.handle_new_user() returns trigger language plpgsql security definer "
                + "set search_path = '' as $$ begin insert into public.profiles (id, username) values (new.id, 'u' || new.id); return new; end $$",
                rows, 0);
    }

    /** Applies {@code sql}, probes reusing {@code before}'s answers, and checks the count reused and that nothing stale came back. */
    private static AccessProbes.Result afterChange(String sql, AccessProbes.Result before, int reused) throws Exception {
        try (Connection c = Jdbc.admin(server, "changing"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
        Set<String> exposed = Set.of("public");
        AccessProbes.Result after = AccessProbes.run(server, "changing", 4, exposed, new AccessProbes.Reuse("inputs", before.reusable()));
        assertEquals(reused, after.reused(), sql);
        assertEquals(AccessProbes.run(server, "changing", 4, exposed, null).access(), after.access(), sql);
        return after;
    }

    private static Map<String, TableAccess> byTable(AccessProbes.Result result) {
        return result.access().stream().collect(Collectors.toMap(TableAccess::table, Function.identity()));
    }
}
