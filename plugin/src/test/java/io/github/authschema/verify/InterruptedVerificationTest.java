package io.github.authschema.verify;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl-C (SIGINT) or a CI cancel (SIGTERM) in the middle of a migration leaves no server process and no data directory. */
class InterruptedVerificationTest {

    @Test
    void aSignalMidMigrationLeavesNothingBehind() throws Exception {
        Path resources = Paths.get(getClass().getResource("/slow").toURI()).getParent();
        long processesBefore = Leftovers.postgresProcesses();
        List<String> dirsBefore = Leftovers.dataDirectories();

        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowVerification.class.getName(),
                resources.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean applying = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("Applying 1 migration")) {
                    applying = true;
                    break;
                }
            }
            assertTrue(applying, "the child reached the migrations");
            Thread.sleep(1000); // inside pg_sleep now
            new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the JVM exits on SIGINT");
        } finally {
            child.destroyForcibly();
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (Leftovers.postgresProcesses() > processesBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        // other servers of this JVM start and end autovacuum workers meanwhile: fewer is fine, more is a leftover
        assertTrue(Leftovers.postgresProcesses() <= processesBefore, "no postgres process left");
        assertEquals(dirsBefore, Leftovers.dataDirectories(), "no data directory left");
    }
}
