package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.Engine;
import io.github.authschema.testkit.SupabaseKitException;

import java.nio.file.Path;
import java.util.Objects;

/** What identifies a server that can be shared across test classes in one JVM. */
public record ServerKey(Engine engine, int major, Path binariesJar, String url, String user, String password, String image) {
    public ServerKey {
        Objects.requireNonNull(engine);
    }

    public PostgresServer start() {
        switch (engine) {
            case EMBEDDED:
                return EmbeddedServer.start(major, binariesJar);
            case TESTCONTAINERS:
                requireTestcontainers();
                return ContainerServer.start(major, image);
            default:
                return ExternalServer.connect(url, user, password);
        }
    }

    /**
     * The kit declares Testcontainers optional, so a missing jar is the user's setup to fix; it is
     * checked here, in a class that names no Testcontainers type, before one is loaded.
     */
    private static void requireTestcontainers() {
        try {
            Class.forName("org.testcontainers.containers.PostgreSQLContainer", false, ServerKey.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SupabaseKitException("Engine TESTCONTAINERS needs Testcontainers on the class path: add the dependency "
                    + "org.testcontainers:postgresql (the test-kit declares it optional), or use engine EMBEDDED (the default).");
        }
    }

    @Override
    public String toString() {
        // never the password
        return engine + " " + major + (url == null ? "" : " " + url.replaceAll("password=[^&]*", "password=****"));
    }
}
