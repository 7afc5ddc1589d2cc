package io.github.authschema.testkit.internal.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One server per key and JVM, shared by every test class and stopped when the JVM exits. Starting a
 * cluster costs about a second; a database from a template costs milliseconds, so tests share the
 * former and never the latter.
 */
public final class SharedServers {
    private static final Map<Object, PostgresServer> SERVERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAll, "authschema-servers-shutdown"));
    }

    private SharedServers() {
    }

    public static PostgresServer get(ServerKey key) {
        return SERVERS.computeIfAbsent(key, k -> key.start());
    }

    /** The server for another kind of key (a stored snapshot's), started by {@code start} the first time. */
    public static PostgresServer get(String key, Supplier<PostgresServer> start) {
        return SERVERS.computeIfAbsent(key, k -> start.get());
    }

    static void stopAll() {
        SERVERS.values().forEach(PostgresServer::close);
        SERVERS.clear();
    }
}
