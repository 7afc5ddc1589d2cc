package io.github.authschema.testkit.engine;

import io.github.authschema.testkit.Engine;

import java.nio.file.Path;
import java.util.Objects;

/** What identifies a server that can be shared across test classes in one JVM. */
public final class ServerKey {
    final Engine engine;
    final int major;
    final Path binariesJar;
    final String url;
    final String user;
    final String password;
    final String image;

    public ServerKey(Engine engine, int major, Path binariesJar, String url, String user, String password, String image) {
        this.engine = Objects.requireNonNull(engine);
        this.major = major;
        this.binariesJar = binariesJar;
        this.url = url;
        this.user = user;
        this.password = password;
        this.image = image;
    }

    public PostgresServer start() {
        switch (engine) {
            case EMBEDDED:
                return EmbeddedServer.start(major, binariesJar);
            case TESTCONTAINERS:
                return ContainerServer.start(major, image);
            default:
                return ExternalServer.connect(url, user, password);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServerKey)) {
            return false;
        }
        ServerKey k = (ServerKey) o;
        return engine == k.engine && major == k.major && Objects.equals(binariesJar, k.binariesJar)
                && Objects.equals(url, k.url) && Objects.equals(user, k.user) && Objects.equals(password, k.password)
                && Objects.equals(image, k.image);
    }

    @Override
    public int hashCode() {
        return Objects.hash(engine, major, binariesJar, url, user, image);
    }

    @Override
    public String toString() {
        // never the password
        return engine + " " + major + (url == null ? "" : " " + url.replaceAll("password=[^&]*", "password=****"));
    }
}
