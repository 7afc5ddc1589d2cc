package io.github.authschema.simulate;

import java.io.Serializable;

/**
 * One replayed step: a sign-up by some flow, a link made later, or the hard delete of the user. On
 * failure, PostgreSQL's SQLSTATE, message and context (which function, which line).
 * {@code offInConfig} names the supabase/config.toml setting that turns this way in off (the
 * flow is still replayed, so its failure can be reported as one waiting to happen), or is null.
 */
public record SimulationResult(Flow flow, Action action, boolean ok, String authMessage, String sqlState, String message,
                               String where, String offInConfig) implements Serializable {

    public enum Action { SIGN_UP, LINK, DELETE }

    public static SimulationResult ok(Flow flow, Action action, String offInConfig) {
        return new SimulationResult(flow, action, true, null, null, null, null, offInConfig);
    }
}
