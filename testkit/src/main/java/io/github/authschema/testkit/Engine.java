package io.github.authschema.testkit;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/** Where the PostgreSQL server behind a {@link SupabasePostgres} comes from. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Engine {
    /** zonky embedded PostgreSQL binaries from Maven Central: no Docker, the default. */
    EMBEDDED,
    /** A Testcontainers {@code postgres:<version>} container; needs a Docker engine. */
    TESTCONTAINERS,
    /** An existing server given by a JDBC URL; the kit works only in databases it creates there. */
    EXTERNAL;

    /** Parses a user-given engine name, naming the accepted values when it is wrong. */
    public static Engine parse(String text) {
        for (Engine e : values()) {
            if (e.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return e;
            }
        }
        throw new SupabaseKitException("Unknown engine '" + text + "'. Use one of: EMBEDDED (default, no Docker), TESTCONTAINERS, EXTERNAL.");
    }
}
