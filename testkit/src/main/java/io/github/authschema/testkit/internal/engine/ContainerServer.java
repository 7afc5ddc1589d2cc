package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.SupabaseKitException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers {@code postgres:<major>} container. Its bootstrap superuser is created as
 * {@code supabase_admin}, as in Supabase's image, so {@code postgres} is an ordinary role.
 */
public final class ContainerServer implements PostgresServer {
    private final PostgreSQLContainer<?> container;
    private final int major;

    private ContainerServer(PostgreSQLContainer<?> container, int major) {
        this.container = container;
        this.major = major;
    }

    public static ContainerServer start(int major, String image) {
        requireDocker();
        String name = image == null || image.isEmpty() ? "postgres:" + major : image;
        PostgreSQLContainer<?> c = new PostgreSQLContainer<>(DockerImageName.parse(name).asCompatibleSubstituteFor("postgres"))
                .withUsername("supabase_admin")
                .withPassword("supabase_admin")
                .withDatabaseName("postgres")
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                        "-c", "max_connections=300");
        try {
            c.start();
        } catch (RuntimeException e) {
            throw new SupabaseKitException("The container " + name + " did not start: " + e.getMessage(), e);
        }
        return new ContainerServer(c, major);
    }

    /** Fails at once, with the way out and Testcontainers' own reason, when no Docker engine answers. */
    private static void requireDocker() {
        try {
            DockerClientFactory.instance().client();
        } catch (IllegalStateException noDocker) {
            // Testcontainers' word for "none of my strategies found a Docker engine"
            throw new SupabaseKitException(dockerMissingMessage() + " Testcontainers says: " + noDocker.getMessage(), noDocker);
        }
    }

    private static String dockerMissingMessage() {
        return "Engine TESTCONTAINERS needs a Docker engine, and none is reachable on this machine. "
                + "Use engine EMBEDDED (the default: PostgreSQL from Maven Central, no Docker), or start Docker.";
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String adminUser() {
        return "supabase_admin";
    }

    @Override
    public String adminPassword() {
        return "supabase_admin";
    }

    @Override
    public boolean trustsRoleLogins() {
        // roles log in with the image's default trust for the container network only, so act via SET ROLE
        return false;
    }

    @Override
    public int majorVersion() {
        return major;
    }

    @Override
    public String describe() {
        return "Testcontainers " + container.getDockerImageName() + " at " + container.getHost() + ":" + container.getMappedPort(5432);
    }

    @Override
    public void close() {
        container.stop();
    }
}
