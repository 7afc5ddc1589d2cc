package io.github.authschema.testkit.internal.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One server per key and JVM, shared by every test class and stopped when the JVM exits. Starting a
 * cluster costs about a second; a database from a template costs milliseconds, so tests share the
 * former and never the latter.
 */
public final class SharedServers {
    private static final Map<ServerKey, PostgresServer> SERVERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAll, "authschema-servers-shutdown"));
    }

    private SharedServers() {
    }

    public static PostgresServer get(ServerKey key) {
        return SERVERS.computeIfAbsent(key, ServerKey::start);
    }

    static void stopAll() {
        SERVERS.values().forEach(PostgresServer::close);
        SERVERS.clear();
    }
}
