package io.github.authschema.simulate;

import io.github.authschema.testkit.AccessMatrix;
import io.github.authschema.testkit.AccessMatrix.Actor;
import io.github.authschema.testkit.AccessMatrix.Command;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the access probe found for one table: its matrix (who reached the owner's row, how), and for
 * each reached cell of another user or anon the permissive policies that held for the row.
 */
public record TableAccess(String schema, String table, AccessMatrix matrix, Map<Actor, Map<Command, List<String>>> letThrough) implements Serializable {

    public List<String> policies(Actor actor, Command command) {
        return letThrough.getOrDefault(actor, Map.of()).getOrDefault(command, List.of());
    }

    /** The first policy that let any of these commands through for the actor, or null. */
    public String firstPolicy(Actor actor, List<Command> commands) {
        return commands.stream().flatMap(c -> policies(actor, c).stream()).findFirst().orElse(null);
    }
}
