package io.github.authschema.testkit;

import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.engine.EmbeddedServer;
import io.github.authschema.testkit.internal.engine.ExternalServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input, flaky servers and load: each gets one clear answer and leaves nothing behind. */
class RobustnessTest {
    @TempDir
    Path project;

    @Test
    void aMigrationThatNeverFinishesIsCancelledAndNamed() throws Exception {
        Path d = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(d.resolve("20240101000000_slow.sql"), "select 1;\n\nselect pg_sleep(60);\n");
        MigrationException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(MigrationException.class,
                () -> SupabasePostgres.builder().baseDirectory(project).migrations("supabase/migrations")
                        .statementTimeout(Duration.ofSeconds(1)).start()));
        assertEquals("57014", e.sqlState());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("supabase/migrations/20240101000000_slow.sql:3"), e.getMessage());
        assertTrue(e.getMessage().contains("statement timeout of 1 s"), e.getMessage());
    }

    @Test
    void wrongCredentialsNameHostAndPortButNeverThePassword() throws Exception {
        try (EmbeddedPostgres other = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(dir -> writePasswordAuth(dir.toPath())).start()) {
            try (Connection c = other.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role kit_admin superuser login password 'right-password'");
            }
            String url = "jdbc:postgresql://localhost:" + other.getPort() + "/postgres";
            SupabaseKitException e = assertThrows(SupabaseKitException.class,
                    () -> ExternalServer.connect(url + "?password=s3cr3t-in-url", "kit_admin", null));
            assertTrue(e.getMessage().contains("localhost:" + other.getPort()), e.getMessage());
            assertTrue(e.getMessage().contains("SQLSTATE 28P01"), e.getMessage());
            assertTrue(e.getMessage().contains("Check the user and password"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cr3t-in-url"), e.getMessage());

            e = assertThrows(SupabaseKitException.class, () -> ExternalServer.connect(url, "kit_admin", "wrong-param-secret"));
            assertFalse(e.getMessage().contains("wrong-param-secret"), e.getMessage());

            ExternalServer ok = ExternalServer.connect(url, "kit_admin", "right-password");
            assertTrue(ok.describe().contains("localhost:" + other.getPort()) && !ok.describe().contains("right-password"));
        }
    }

    private static void writePasswordAuth(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"),
                    "host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n"
                            + "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fiftyConcurrentNewDatabasesAreDistinctAndUsable() throws Exception {
        try (SupabasePostgres pg = SupabasePostgres.builder().migrations("classpath:fixtures/profiles").start()) {
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    try (SupabaseDatabase db = pg.newDatabase()) {
                        AuthUser u = db.auth().signInWithOtp("+1555000" + String.format("%04d", n));
                        assertEquals(1L, Sql.count(db.dataSource(), "select count(*) from public.profiles where id = ?", u.id()));
                        return db.name();
                    }
                }));
            }
            Set<String> names = new HashSet<>();
            for (Future<String> f : futures) {
                names.add(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertEquals(50, names.size());
        }
    }

    @Test
    void aKilledPostmasterGivesAClearErrorNotAHangAndTheNextServerStartsClean() throws Exception {
        EmbeddedServer server = EmbeddedServer.start(Defaults.postgresMajor(), null);
        try {
            ProcessHandle postmaster = server.postmaster();
            postmaster.destroyForcibly();
            postmaster.onExit().get(10, TimeUnit.SECONDS);
            SupabaseKitException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(SupabaseKitException.class,
                    () -> io.github.authschema.testkit.internal.platform.Platform.createDatabase(server, "after_kill")));
            assertTrue(e.getMessage().contains(server.describe()), e.getMessage());
        } finally {
            server.close();
        }
        try (EmbeddedServer next = EmbeddedServer.start(Defaults.postgresMajor(), null)) {
            io.github.authschema.testkit.internal.platform.Platform.createDatabase(next, "fresh");
        }
    }

    @Test
    void aStoppedServerLeavesNoProcessAndNoDataDirectory() throws Exception {
        EmbeddedServer server = EmbeddedServer.start(Defaults.postgresMajor(), null);
        ProcessHandle postmaster = server.postmaster();
        Path dataDir = server.dataDirectory();
        assertTrue(Files.isDirectory(dataDir));
        server.close();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(postmaster.isAlive());
        assertFalse(Files.exists(dataDir), "data directory removed");
    }
}
