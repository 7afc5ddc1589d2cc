package io.github.authschema.simulate;

import io.github.authschema.testkit.internal.engine.PostgresError;
import io.github.authschema.testkit.internal.platform.AuthFlows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replays each sign-up flow and the hard delete of its user, as the auth service's own role, each
 * in a transaction that is rolled back: the database is left as the migrations made it.
 */
public final class Simulator {
    private final int bcryptCost;

    public Simulator(int bcryptCost) {
        this.bcryptCost = bcryptCost;
    }

    /** {@code authAdmin} acts as supabase_auth_admin. */
    public List<SimulationResult> run(Connection authAdmin) throws SQLException {
        List<SimulationResult> results = new ArrayList<>();
        boolean autoCommit = authAdmin.getAutoCommit();
        authAdmin.setAutoCommit(false);
        try {
            for (Flow flow : Flow.values()) {
                AuthFlows flows = new AuthFlows(authAdmin, bcryptCost);
                try {
                    UUID id = signUp(flows, flow);
                    results.add(SimulationResult.ok(flow, SimulationResult.Action.SIGN_UP));
                    flows.deleteUser(id);
                    results.add(SimulationResult.ok(flow, SimulationResult.Action.DELETE));
                } catch (AuthFlows.StepFailure e) {
                    SimulationResult.Action action = e.step == AuthFlows.Step.DELETE_USER
                            ? SimulationResult.Action.DELETE : SimulationResult.Action.SIGN_UP;
                    results.add(failure(flow, action, e.step.authMessage, e.sqlException()));
                } finally {
                    authAdmin.rollback();
                }
            }
        } finally {
            authAdmin.setAutoCommit(autoCommit);
        }
        return results;
    }

    private static UUID signUp(AuthFlows flows, Flow flow) throws AuthFlows.StepFailure {
        switch (flow) {
            case EMAIL:
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("full_name", "Ada Lovelace");
                meta.put("name", "Ada");
                meta.put("avatar_url", "https://example.com/ada.png");
                return flows.signUpWithEmail("simulated-signup@authschema.invalid", "correct horse battery staple", meta);
            case PHONE:
                return flows.signInWithOtp("+15550100001");
            case ANONYMOUS:
                return flows.signInAnonymously(Map.of());
            default:
                return flows.signUpWithEmail("simulated-empty@authschema.invalid", "correct horse battery staple", Map.of());
        }
    }

    private static SimulationResult failure(Flow flow, SimulationResult.Action action, String authMessage, SQLException e) {
        PostgresError error = PostgresError.of(e);
        return new SimulationResult(flow, action, false, authMessage, error.sqlState(), error.message(), error.where());
    }
}
