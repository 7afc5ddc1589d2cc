package io.github.authschema.simulate;

/**
 * One replayed step: a sign-up by some flow, or the hard delete of the user it created. On
 * failure, PostgreSQL's SQLSTATE, message and context (which function, which line).
 */
public record SimulationResult(Flow flow, Action action, boolean ok, String authMessage, String sqlState, String message,
                               String where) {

    public enum Action { SIGN_UP, DELETE }

    public static SimulationResult ok(Flow flow, Action action) {
        return new SimulationResult(flow, action, true, null, null, null, null);
    }
}
