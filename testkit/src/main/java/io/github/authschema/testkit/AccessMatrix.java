package io.github.authschema.testkit;

import org.apiguardian.api.API;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Who may do what to a row that belongs to one signed-in user, found by trying it: the row's owner, a
 * second signed-in user, and {@code anon}, each acting as PostgREST makes them act, each attempt
 * rolled back, and the service role (which bypasses RLS, but since 2026 needs a grant like the
 * others). {@link SupabaseDatabase#rls(String)} makes one; {@link #toString()} prints it as a
 * table, so an assertion message shows the whole matrix.
 *
 * @param table         the table, schema-qualified
 * @param ownedThrough  how a row belongs to a user: its column ({@code user_id}), or the parent it
 *                      belongs through ({@code list_id → public.lists.owner_id}); null when the rows
 *                      belong to no one, and then only anon's access is meaningful
 * @param allowed       what each actor managed to do to the owner's row (INSERT: a row in the owner's name)
 * @param ownerCanHandOver whether the owner may set the row's owner column to another user
 * @param skippedBecause why no row could be made (a check no value satisfied, a trigger that
 *                      failed, …); null when the table was probed
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record AccessMatrix(String table, String ownedThrough, Map<Actor, Set<Command>> allowed, boolean ownerCanHandOver,
                           String skippedBecause) implements Serializable {

    /** Who acts. */
    public enum Actor {
        OWNER("owner"), OTHER_USER("other user"), ANON("anon"), SERVICE_ROLE("service role");

        private final String label;

        Actor(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public enum Command { SELECT, INSERT, UPDATE, DELETE }

    public AccessMatrix {
        Map<Actor, Set<Command>> copy = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
            Set<Command> commands = allowed.get(actor);
            copy.put(actor, commands == null || commands.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(commands)));
        }
        allowed = Map.copyOf(copy);
    }

    public boolean allows(Actor actor, Command command) {
        return allowed.get(actor).contains(command);
    }

    /** Whether no one but the owner (and the service role) reaches the owner's rows, and the owner cannot hand them to someone else. */
    public boolean onlyTheOwner() {
        return skippedBecause == null && !ownerCanHandOver && allowed.get(Actor.OTHER_USER).isEmpty() && allowed.get(Actor.ANON).isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(table);
        if (skippedBecause != null) {
            return out.append(": not probed, ").append(skippedBecause).toString();
        }
        out.append(ownedThrough == null ? " (rows belong to no user)" : " (owned through " + ownedThrough + ")").append('\n');
        out.append(String.format("  %-12s", ""));
        for (Command command : Command.values()) {
            out.append(String.format(" %-6s", command.name().toLowerCase()));
        }
        for (Actor actor : Actor.values()) {
            out.append(String.format("\n  %-12s", actor));
            for (Command command : Command.values()) {
                out.append(String.format(" %-6s", allows(actor, command) ? "yes" : "no"));
            }
        }
        if (ownerCanHandOver) {
            out.append(String.format("\n  the owner may hand a row over to another user"));
        }
        return out.toString().lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }
}
