package io.github.authschema.testkit;

import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresError;
import io.github.authschema.testkit.internal.engine.PostgresServer;
import io.github.authschema.testkit.internal.platform.AuthFlows;
import io.github.authschema.testkit.internal.platform.AuthRejection;
import io.github.authschema.testkit.internal.platform.SignUps;
import org.apiguardian.api.API;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The auth service's flows against one database. Each call writes what the service writes, in its
 * order, as {@code supabase_auth_admin}, and commits; so a sign-up trigger that is not SECURITY
 * DEFINER fails here as it fails in production, with an {@link AuthFlowException}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Auth {
    private final PostgresServer server;
    private final String database;
    private final int bcryptCost;
    private final SignUps signUps;

    Auth(PostgresServer server, String database, int bcryptCost, SignUps signUps) {
        this.server = server;
        this.database = database;
        this.bcryptCost = bcryptCost;
        this.signUps = signUps;
    }

    public AuthUser signUp(String email, String password) {
        return signUp(email, password, Map.of());
    }

    public AuthUser signUp(String email, String password, Map<String, ?> userMetadata) {
        return inTransaction(flows -> {
            signUps.requireEmail();
            return flows.signUpWithEmail(email, password, userMetadata);
        });
    }

    /** Phone OTP sign-in, sent and verified. A second call with the same number returns the same user. */
    public AuthUser signInWithOtp(String phone) {
        return inTransaction(flows -> {
            signUps.requirePhone();
            return flows.signInWithOtp(phone);
        });
    }

    public AuthUser signInAnonymously() {
        return signInAnonymously(Map.of());
    }

    public AuthUser signInAnonymously(Map<String, ?> userMetadata) {
        return inTransaction(flows -> {
            signUps.requireAnonymous();
            return flows.signInAnonymously(userMetadata);
        });
    }

    /** Adds a verified phone to the user (phone_change). An anonymous user becomes permanent, same id. */
    public AuthUser linkPhone(AuthUser user, String phone) {
        return inTransaction(flows -> {
            flows.linkPhone(user.id(), phone);
            return user.id();
        });
    }

    /** Adds a verified email to the user (email_change). An anonymous user becomes permanent, same id. */
    public AuthUser linkEmail(AuthUser user, String email) {
        return inTransaction(flows -> {
            flows.linkEmail(user.id(), email);
            return user.id();
        });
    }

    /** Hard delete, the admin API's default: every ON DELETE action fires. */
    public void deleteUser(AuthUser user) {
        inTransaction(flows -> {
            flows.deleteUser(user.id());
            return null;
        });
    }

    /** Soft delete: the row stays with hashed email and phone and deleted_at; cascades do not fire. */
    public void softDeleteUser(AuthUser user) {
        inTransaction(flows -> {
            flows.softDeleteUser(user.id());
            return null;
        });
    }

    /** How the user's current session was opened ({@code auth.mfa_amr_claims}): otp, password, anonymous, … */
    String signInMethod(AuthUser user) {
        if (user.sessionId() == null) {
            return user.isAnonymous() ? "anonymous" : "password";
        }
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "select authentication_method from auth.mfa_amr_claims where session_id = ? order by created_at limit 1")) {
            ps.setObject(1, user.sessionId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : user.isAnonymous() ? "anonymous" : "password";
            }
        } catch (SQLException e) {
            throw new SupabaseKitException("Cannot read auth.mfa_amr_claims: " + e.getMessage(), e);
        }
    }

    /** The user as stored now, or null when there is no such row. */
    public AuthUser user(UUID id) {
        try (Connection c = connect()) {
            return read(new AuthFlows(c, bcryptCost, AuthFlows.ONE_TRANSACTION), id);
        } catch (SQLException e) {
            throw new SupabaseKitException("Cannot read auth.users: " + e.getMessage(), e);
        }
    }

    private Connection connect() {
        return Jdbc.as(server, database, "supabase_auth_admin");
    }

    @FunctionalInterface
    private interface Flow {
        UUID run(AuthFlows flows) throws AuthFlows.StepFailure, SQLException;
    }

    private AuthUser inTransaction(Flow flow) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            // one transaction per HTTP call of the service: what committed before a failing call stays
            AuthFlows flows = new AuthFlows(c, bcryptCost, c::commit);
            try {
                UUID id = flow.run(flows);
                AuthUser user = id == null ? null : read(flows, id);
                c.commit();
                return user;
            } catch (AuthFlows.StepFailure e) {
                c.rollback();
                throw toException(e.step.authMessage, e.sqlException());
            } catch (AuthRejection e) {
                c.rollback();
                throw new AuthFlowException(e.code(), e.getMessage(), null, null, null, e);
            }
        } catch (SQLException e) {
            throw toException("Database error", e);
        }
    }

    private static AuthUser read(AuthFlows flows, UUID id) throws SQLException {
        Map<String, Object> row = flows.userRow(id).orElse(null);
        if (row == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> app = (Map<String, Object>) row.get("app_metadata");
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) row.get("user_metadata");
        return new AuthUser(id, (String) row.get("email"), (String) row.get("phone"), (Boolean) row.get("is_anonymous"),
                app, meta, flows.latestSession(id).orElse(null));
    }

    static AuthFlowException toException(String authMessage, SQLException e) {
        PostgresError error = PostgresError.of(e);
        return new AuthFlowException(AuthErrorCode.UNEXPECTED_FAILURE, authMessage, error.sqlState(), error.message(), error.where(), e);
    }
}
