package io.github.authschema.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Paths;
import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EnginesTest {

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void testcontainersWithoutDockerFailsAtOnceNamingTheWayOut() {
        assumeFalse(dockerAvailable(), "Docker is available here; the container test below runs instead");
        SupabaseKitException e = assertThrows(SupabaseKitException.class,
                () -> SupabasePostgres.builder().engine(Engine.TESTCONTAINERS).start());
        assertTrue(e.getMessage().startsWith("Engine TESTCONTAINERS needs a Docker engine"), e.getMessage());
        assertTrue(e.getMessage().contains("Testcontainers says: "), e.getMessage());
        assertTrue(e.getMessage().contains("EMBEDDED"));
    }

    @Test
    void testcontainersWithDockerRunsTheSamePlatform() throws Exception {
        assumeTrue(dockerAvailable(), "no Docker engine on this machine");
        try (SupabasePostgres pg = SupabasePostgres.builder().engine(Engine.TESTCONTAINERS).migrations("classpath:fixtures/profiles").start();
             SupabaseDatabase db = pg.newDatabase()) {
            AuthUser user = db.auth().signInWithOtp("+15551234567");
            assertEquals(1L, Sql.count(db.dataSource(), "select count(*) from public.profiles where id = ?", user.id()));
        }
    }

    @Test
    void externalServerIsUsedOnlyInsideDatabasesTheKitCreatesAndDrops() throws Exception {
        try (EmbeddedPostgres other = EmbeddedPostgres.builder().start()) {
            String url = other.getJdbcUrl("postgres", "postgres");
            List<Object> before;
            try (Connection c = other.getPostgresDatabase().getConnection()) {
                before = Sql.column(c, "select datname from pg_database order by 1");
            }
            try (SupabasePostgres pg = SupabasePostgres.builder().external(url, "postgres", "").migrations("classpath:fixtures/profiles").start();
                 SupabaseDatabase db = pg.newDatabase()) {
                assertTrue(db.name().startsWith("authschema_"), db.name());
                AuthUser user = db.auth().signUp("ext@example.com", "pw");
                try (Connection c = db.connectAs(user)) {
                    assertEquals(List.of(user.id()), Sql.column(c, "select id from public.profiles"));
                }
            }
            try (Connection c = other.getPostgresDatabase().getConnection()) {
                assertEquals(before, Sql.column(c, "select datname from pg_database order by 1"));
            }
        }
    }

    @Test
    void externalServerThatRefusesConnectionsNamesHostAndPortNotThePassword() {
        long start = System.nanoTime();
        SupabaseKitException e = assertThrows(SupabaseKitException.class,
                () -> SupabasePostgres.builder().external("jdbc:postgresql://127.0.0.1:1/postgres?password=hunter2", "postgres", "").start());
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1_000_000_000 < 30, "bounded in time");
    }

    @Test
    void unknownEngineNamesTheChoices() {
        SupabaseKitException e = assertThrows(SupabaseKitException.class, () -> Engine.parse("docker"));
        assertTrue(e.getMessage().contains("EMBEDDED"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16})
    void anOlderPostgresIsChosenByItsVersionAlone(int major) throws Exception {
        // its binaries come from the local Maven repository, or from Maven Central the first time
        try (SupabasePostgres pg = SupabasePostgres.builder().postgresVersion(String.valueOf(major))
                .migrations("classpath:fixtures/profiles").start();
             SupabaseDatabase db = pg.newDatabase()) {
            assertEquals(major, ((Number) Sql.one(db.dataSource(), "select current_setting('server_version_num')::int / 10000")).intValue());
            AuthUser user = db.auth().signInWithOtp("+15551234567");
            assertEquals(1L, Sql.count(db.dataSource(), "select count(*) from public.profiles where id = ?", user.id()));
        }
    }

    @Test
    void aBinariesJarOfOnesOwnStillWins() throws Exception {
        try (SupabasePostgres pg = SupabasePostgres.builder().postgresVersion("16")
                .embeddedBinaries(Paths.get("target/postgres-binaries/postgres-16.jar")).start();
             SupabaseDatabase db = pg.newDatabase()) {
            assertEquals(16, ((Number) Sql.one(db.dataSource(), "select current_setting('server_version_num')::int / 10000")).intValue());
        }
    }
}
