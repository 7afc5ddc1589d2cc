package io.github.authschema.testkit;

import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.testkit.internal.engine.PostgresError;
import io.github.authschema.testkit.internal.engine.PostgresServer;
import io.github.authschema.testkit.internal.engine.RoleDataSource;
import io.github.authschema.testkit.internal.platform.AccessProbe;
import io.github.authschema.testkit.internal.platform.Json;
import io.github.authschema.testkit.internal.platform.PostgrestRequests;
import io.github.authschema.testkit.internal.platform.SignUps;
import org.apiguardian.api.API;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

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
    private final int bcryptCost;
    private final Consumer<String> dropper;

    SupabaseDatabase(PostgresServer server, String name, int bcryptCost, SignUps signUps, Consumer<String> dropper) {
        this.server = server;
        this.name = name;
        this.auth = new Auth(server, name, bcryptCost, signUps);
        this.bcryptCost = bcryptCost;
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

    /** {@link #connectAs(AuthUser, ApiRequest)} for a read: {@code GET /}. */
    public Connection connectAs(AuthUser user) {
        return connectAs(user, ApiRequest.get("/"));
    }

    /**
     * A connection that acts as the signed-in user the way PostgREST sets up a request: the role's own
     * settings (authenticated's statement_timeout), role {@code authenticated}, the JWT claims in
     * {@code request.jwt.claims} with the {@code amr} of the session the user signed in with, and the
     * request's method, path, headers and cookies, set for each transaction as PostgREST sets them for
     * each request (in autocommit mode every statement is one request).
     */
    public Connection connectAs(AuthUser user, ApiRequest request) {
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
        claims.put("amr", List.of(Map.of("method", auth.signInMethod(current), "timestamp", now)));
        claims.put("session_id", current.sessionId() == null ? null : current.sessionId().toString());
        claims.put("is_anonymous", current.isAnonymous());
        return actingAs("authenticated", claims, request);
    }

    /**
     * Who may read, insert, update and delete a row that belongs to a user, tried rather than read
     * from the policies: two users sign up, a row is made for the first (owner columns, NOT NULL
     * columns, parents it belongs through), then the owner, the second user and {@code anon} each try
     * every command on it as PostgREST would run it. Everything is rolled back; the database is left
     * as it was.
     *
     * <pre>{@code
     * AccessMatrix todos = db.rls("public.todos");
     * assertTrue(todos.onlyTheOwner(), todos::toString);
     * }</pre>
     *
     * @param table the table, optionally schema-qualified ({@code public} otherwise)
     */
    public AccessMatrix rls(String table) {
        try (Connection c = Jdbc.admin(server, name)) {
            return new AccessProbe(c, bcryptCost).probe(List.of(table)).get(0).matrix();
        } catch (SQLException e) {
            throw new SupabaseKitException("Could not probe the access to " + table + ": " + PostgresError.of(e).explained(), e);
        }
    }

    /** A connection as {@code anon}, with the anon key's claims, acting out a read. */
    public Connection connectAsAnon() {
        return connectAsAnon(ApiRequest.get("/"));
    }

    public Connection connectAsAnon(ApiRequest request) {
        return actingAs("anon", apiKeyClaims("anon"), request);
    }

    /** A connection as {@code service_role}, which bypasses RLS, acting out a read. */
    public Connection connectAsServiceRole() {
        return connectAsServiceRole(ApiRequest.get("/"));
    }

    public Connection connectAsServiceRole(ApiRequest request) {
        return actingAs("service_role", apiKeyClaims("service_role"), request);
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

    /**
     * PostgREST's preamble (src/PostgREST/Query/PreQuery.hs), transaction-local, before every
     * transaction of the connection: search_path, the impersonated role's own settings, role, claims,
     * method, path, headers, cookies, in that order.
     */
    private Connection actingAs(String role, Map<String, Object> claims, ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("apikey", role.equals("service_role") ? "service-role-key" : "anon-key");
        headers.put("authorization", "Bearer " + Json.unsignedJwt(claims));
        String claimsJson = Json.write(claims);
        String headersJson = Json.write(headers);
        String cookiesJson = Json.write(request.cookies());
        Connection c = Jdbc.as(server, name, "authenticator");
        try {
            Connection acting = PostgrestRequests.wrap(c, real -> {
                try (PreparedStatement ps = real.prepareStatement("select set_config('search_path', 'public, extensions', true)")) {
                    ps.execute();
                }
                // SET ROLE does not apply a role's settings, so PostgREST applies them itself (anon's 3 s statement_timeout)
                try (PreparedStatement ps = real.prepareStatement("select set_config(split_part(s, '=', 1), substr(s, strpos(s, '=') + 1), true) "
                        + "from pg_db_role_setting d, unnest(d.setconfig) s where d.setrole = ?::regrole and d.setdatabase = 0 "
                        + "and split_part(s, '=', 1) not in ('search_path', 'session_preload_libraries')")) {
                    ps.setString(1, role);
                    ps.execute();
                }
                try (PreparedStatement ps = real.prepareStatement("select set_config('role', ?, true), set_config('request.jwt.claims', ?, true), "
                        + "set_config('request.method', ?, true), set_config('request.path', ?, true), "
                        + "set_config('request.headers', ?, true), set_config('request.cookies', ?, true)")) {
                    ps.setString(1, role);
                    ps.setString(2, claimsJson);
                    ps.setString(3, request.method());
                    ps.setString(4, request.path());
                    ps.setString(5, headersJson);
                    ps.setString(6, cookiesJson);
                    ps.execute();
                }
            });
            // a first request now, so a role that cannot be taken fails here, not in the test's first query
            try (PreparedStatement ps = acting.prepareStatement("select 1")) {
                ps.execute();
            }
            return acting;
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
