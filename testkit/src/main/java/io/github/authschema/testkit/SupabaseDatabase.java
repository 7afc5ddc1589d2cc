package io.github.authschema.testkit;

import org.apiguardian.api.API;
import io.github.authschema.testkit.internal.platform.Json;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresServer;
import io.github.authschema.testkit.internal.engine.RoleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * One database with the Supabase platform and the project's migrations, cloned from a template.
 * Closing it drops it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SupabaseDatabase implements AutoCloseable {
    private final PostgresServer server;
    private final String name;
    private final Auth auth;
    private final Consumer<String> dropper;

    SupabaseDatabase(PostgresServer server, String name, int bcryptCost, Consumer<String> dropper) {
        this.server = server;
        this.name = name;
        this.auth = new Auth(server, name, bcryptCost);
        this.dropper = dropper;
    }

    /** Connections as {@code postgres}, the role the dashboard and migrations use: RLS is bypassed. */
    public DataSource dataSource() {
        return new RoleDataSource(server, name, "postgres");
    }

    /** The database's JDBC URL, with user=postgres when the server needs no password. */
    public String jdbcUrl() {
        return server.jdbcUrl(name) + (server.trustsRoleLogins() ? "?user=postgres" : "");
    }

    public String name() {
        return name;
    }

    public Auth auth() {
        return auth;
    }

    /**
     * A connection that acts as the signed-in user, the way PostgREST sets up a request: role
     * {@code authenticated} and the JWT claims in {@code request.jwt.claims}. PostgREST sets them per
     * transaction; here they hold for the whole connection, which acts for one requester.
     */
    public Connection connectAs(AuthUser user) {
        AuthUser current = auth.user(user.id());
        if (current == null) {
            throw new SupabaseKitException("User " + user.id() + " does not exist (deleted?); cannot act as them.");
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "http://127.0.0.1:54321/auth/v1");
        claims.put("sub", current.id().toString());
        claims.put("aud", "authenticated");
        claims.put("exp", now + 3600);
        claims.put("iat", now);
        claims.put("email", current.email() == null ? "" : current.email());
        claims.put("phone", current.phone() == null ? "" : current.phone());
        claims.put("app_metadata", current.appMetadata());
        claims.put("user_metadata", current.userMetadata());
        claims.put("role", "authenticated");
        claims.put("aal", "aal1");
        claims.put("amr", List.of(Map.of("method", current.isAnonymous() ? "anonymous" : "password", "timestamp", now)));
        claims.put("session_id", current.sessionId() == null ? null : current.sessionId().toString());
        claims.put("is_anonymous", current.isAnonymous());
        return actingAs("authenticated", claims);
    }

    /** A connection as {@code anon}, with the anon key's claims. */
    public Connection connectAsAnon() {
        return actingAs("anon", apiKeyClaims("anon"));
    }

    /** A connection as {@code service_role}, which bypasses RLS. */
    public Connection connectAsServiceRole() {
        return actingAs("service_role", apiKeyClaims("service_role"));
    }

    private static Map<String, Object> apiKeyClaims(String role) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "supabase-demo");
        claims.put("role", role);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return claims;
    }

    private Connection actingAs(String role, Map<String, Object> claims) {
        Connection c = Jdbc.as(server, name, "authenticator");
        try (PreparedStatement ps = c.prepareStatement("select set_config('search_path', 'public, extensions', false), "
                + "set_config('role', ?, false), set_config('request.jwt.claims', ?, false), "
                + "set_config('request.method', 'POST', false), set_config('request.path', '/rest/v1/', false)")) {
            ps.setString(1, role);
            ps.setString(2, Json.write(claims));
            ps.execute();
            return c;
        } catch (SQLException e) {
            Jdbc.closeQuietly(c);
            throw new SupabaseKitException("Cannot act as " + role + " in " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dropper.accept(name);
    }

    @Override
    public String toString() {
        return name + " on " + server.describe();
    }
}
