package io.github.authschema.simulate;

import io.github.authschema.testkit.internal.engine.PostgresError;
import io.github.authschema.testkit.internal.platform.AuthFlows;
import io.github.authschema.testkit.internal.platform.SignUps;

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
    private static final String EMAIL = "simulated-signup@authschema.invalid";
    private static final String LINKED_EMAIL = "simulated-link@authschema.invalid";
    private static final String PHONE = "+15550100001";
    private static final String PASSWORD = "correct horse battery staple";

    private final int bcryptCost;
    private final SignUps signUps;

    public Simulator(int bcryptCost, SignUps signUps) {
        this.bcryptCost = bcryptCost;
        this.signUps = signUps;
    }

    /** {@code authAdmin} acts as supabase_auth_admin. */
    public List<SimulationResult> run(Connection authAdmin) throws SQLException {
        List<SimulationResult> results = new ArrayList<>();
        boolean autoCommit = authAdmin.getAutoCommit();
        authAdmin.setAutoCommit(false);
        try {
            for (Flow flow : Flow.values()) {
                AuthFlows flows = new AuthFlows(authAdmin, bcryptCost, AuthFlows.ONE_TRANSACTION);
                String off = offInConfig(flow);
                try {
                    if (flow.link) {
                        link(flows, flow, off, results);
                    } else {
                        signUpAndDelete(flows, flow, off, results);
                    }
                } finally {
                    authAdmin.rollback();
                }
            }
        } finally {
            authAdmin.setAutoCommit(autoCommit);
        }
        return results;
    }

    private static void signUpAndDelete(AuthFlows flows, Flow flow, String off, List<SimulationResult> results) {
        SimulationResult.Action action = SimulationResult.Action.SIGN_UP;
        try {
            UUID id = signUp(flows, flow);
            results.add(SimulationResult.ok(flow, action, off));
            action = SimulationResult.Action.DELETE;
            flows.deleteUser(id);
            results.add(SimulationResult.ok(flow, action, off));
        } catch (AuthFlows.StepFailure e) {
            results.add(failure(flow, action, e.step.authMessage, e.sqlException(), off));
        }
    }

    /** The sign-up a link starts from is not the link's to report: the sign-up flows report it. */
    private static void link(AuthFlows flows, Flow flow, String off, List<SimulationResult> results) {
        UUID id;
        try {
            id = switch (flow) {
                case PHONE_USER_ADDS_EMAIL, PHONE_LOGIN_AGAIN -> flows.signInWithOtp(PHONE);
                case EMAIL_USER_ADDS_PHONE -> flows.signUpWithEmail(EMAIL, PASSWORD, Map.of());
                default -> flows.signInAnonymously(Map.of());
            };
        } catch (AuthFlows.StepFailure e) {
            return;
        }
        try {
            switch (flow) {
                case PHONE_USER_ADDS_EMAIL, ANONYMOUS_TO_EMAIL -> flows.linkEmail(id, LINKED_EMAIL);
                case EMAIL_USER_ADDS_PHONE, ANONYMOUS_TO_PHONE -> flows.linkPhone(id, PHONE);
                default -> flows.signInWithOtp(PHONE);
            }
            results.add(SimulationResult.ok(flow, SimulationResult.Action.LINK, off));
        } catch (AuthFlows.StepFailure e) {
            results.add(failure(flow, SimulationResult.Action.LINK, e.step.authMessage, e.sqlException(), off));
        }
    }

    private static UUID signUp(AuthFlows flows, Flow flow) throws AuthFlows.StepFailure {
        switch (flow) {
            case EMAIL:
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("full_name", "Ada Lovelace");
                meta.put("name", "Ada");
                meta.put("avatar_url", "https://example.com/ada.png");
                return flows.signUpWithEmail(EMAIL, PASSWORD, meta);
            case PHONE:
                return flows.signInWithOtp(PHONE);
            case ANONYMOUS:
                return flows.signInAnonymously(Map.of());
            default:
                return flows.signUpWithEmail("simulated-empty@authschema.invalid", PASSWORD, Map.of());
        }
    }

    /** The config.toml setting that turns this way in off, or null when it is on. */
    private String offInConfig(Flow flow) {
        return switch (flow) {
            case EMAIL, EMPTY_METADATA -> signUps.email() ? null : "[auth.email] enable_signup = false";
            case PHONE, PHONE_USER_ADDS_EMAIL, PHONE_LOGIN_AGAIN, EMAIL_USER_ADDS_PHONE ->
                    signUps.phone() ? null : "[auth.sms] enable_signup = false";
            case ANONYMOUS, ANONYMOUS_TO_EMAIL, ANONYMOUS_TO_PHONE -> signUps.anonymous() ? null : "[auth] enable_anonymous_sign_ins = false";
        };
    }

    private static SimulationResult failure(Flow flow, SimulationResult.Action action, String authMessage, SQLException e, String off) {
        PostgresError error = PostgresError.of(e);
        return new SimulationResult(flow, action, false, authMessage, error.sqlState(), error.message(), error.where(), off);
    }
}
