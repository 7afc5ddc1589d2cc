package io.github.authschema.verify;

import io.github.authschema.testkit.SupabaseKitException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verification writes only in databases it creates, and leaves no server, process or directory behind. */
class VerifierSafetyTest {
    private static Path resources() throws URISyntaxException {
        return Paths.get(VerifierSafetyTest.class.getResource("/rules").toURI()).getParent();
    }

    private static List<String> databases(EmbeddedPostgres pg) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select datname from pg_database order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void onAnExternalServerItWorksInItsOwnDatabaseAndDropsItEvenWhenAMigrationFails() throws Exception {
        try (EmbeddedPostgres other = EmbeddedPostgres.builder().start()) {
            List<String> before = databases(other);
            String url = "jdbc:postgresql://localhost:" + other.getPort() + "/postgres";
            for (String fixture : List.of("migration-fails/violating", "auth-fk-missing-cascade/violating")) {
                VerifyResult result = new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(resources())
                        .external(url, "postgres", "").locations(List.of("filesystem:rules/" + fixture)));
                assertFalse(result.findings().isEmpty(), fixture);
                assertTrue(result.engineDescription().startsWith("external PostgreSQL"), result.engineDescription());
                assertEquals(before, databases(other), "only its own database was created, and it is gone: " + fixture);
            }
        }
    }

    @Test
    void anUnreachableExternalServerIsAClearErrorWithoutThePassword() throws Exception {
        SupabaseKitException e = assertThrows(SupabaseKitException.class, () -> new Verifier(VerifyLog.SILENT).verify(
                new VerifyConfig(resources()).external("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", "hunter2")
                        .locations(List.of("filesystem:rules/migration-fails/clean"))));
        assertTrue(e.getMessage().contains("127.0.0.1:1") && !e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void itsOwnEmbeddedServerLeavesNoProcessOrDataDirectoryOnSuccessOrFailure() throws Exception {
        long processesBefore = Leftovers.postgresProcesses();
        List<String> dirsBefore = Leftovers.dataDirectories();
        for (String fixture : List.of("migration-fails/clean", "migration-fails/violating")) {
            new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(resources()).locations(List.of("filesystem:rules/" + fixture)));
            // other servers of this JVM start and end autovacuum workers meanwhile: fewer is fine, more is a leftover
            assertTrue(Leftovers.postgresProcesses() <= processesBefore, fixture);
            assertEquals(dirsBefore, Leftovers.dataDirectories(), fixture);
        }
    }
}
