package io.github.authschema.testkit;

import org.apiguardian.api.API;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The HTTP request a connection acts out, as PostgREST hands it to SQL: {@code request.method},
 * {@code request.path} (without the gateway's /rest/v1), {@code request.headers} (names lower-cased,
 * no cookie) and {@code request.cookies}. The defaults are what a supabase-js v2 call sends; the kit
 * adds {@code apikey} and {@code authorization} for the role it acts as.
 *
 * <pre>{@code
 * db.connectAs(user, ApiRequest.post("/rpc/claim_invite").withHeader("x-forwarded-for", "203.0.113.7"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ApiRequest(String method, String path, Map<String, String> headers, Map<String, String> cookies) {

    public ApiRequest {
        headers = Map.copyOf(headers);
        cookies = Map.copyOf(cookies);
    }

    /** A read, as {@code supabase.from(table).select()} sends it. */
    public static ApiRequest get(String path) {
        Map<String, String> h = supabaseJs();
        h.put("accept-profile", "public");
        return new ApiRequest("GET", path, h, Map.of());
    }

    /** A write or an RPC call, as supabase-js sends it. */
    public static ApiRequest post(String path) {
        Map<String, String> h = supabaseJs();
        h.put("content-profile", "public");
        h.put("content-type", "application/json");
        return new ApiRequest("POST", path, h, Map.of());
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name.toLowerCase(Locale.ROOT), value);
        return new ApiRequest(method, path, h, cookies);
    }

    public ApiRequest withCookie(String name, String value) {
        Map<String, String> c = new LinkedHashMap<>(cookies);
        c.put(name, value);
        return new ApiRequest(method, path, headers, c);
    }

    private static Map<String, String> supabaseJs() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("accept", "*/*");
        h.put("host", "127.0.0.1:54321");
        h.put("user-agent", "node");
        h.put("x-client-info", "supabase-js-node/2.50.0");
        h.put("x-forwarded-for", "127.0.0.1");
        h.put("x-forwarded-proto", "http");
        h.put("x-forwarded-prefix", "/rest/v1");
        return h;
    }
}
