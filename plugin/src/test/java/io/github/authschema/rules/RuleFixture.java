package io.github.authschema.rules;

import io.github.authschema.verify.Verifier;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A rule's fixtures under {@code src/test/resources/rules/<rule-id>/}, verified for real on the shared
 * embedded server: {@code violating/} (reported as {@code violating.expected} says), {@code clean/}
 * (not reported) and {@code fix/}, a later migration that repairs the violation (what is left is in
 * {@code fix.expected}, if anything).
 */
public final class RuleFixture {
    static final Path SOURCES = Paths.get("src/test/resources/rules");

    private final String ruleId;

    RuleFixture(String ruleId) {
        this.ruleId = ruleId;
    }

    VerifyResult verify(String... dirs) {
        VerifyConfig config = new VerifyConfig(resourceRoot()).shareServer(true)
                .locations(Arrays.stream(dirs).map(d -> "filesystem:rules/" + ruleId + "/" + d).collect(Collectors.toList()));
        // a rule about a schema the API serves only when config.toml says so names it in api-schemas
        Path apiSchemas = SOURCES.resolve(ruleId).resolve("api-schemas");
        if (Files.isRegularFile(apiSchemas)) {
            try {
                config.apiSchemas(List.of(Files.readString(apiSchemas).strip().split("\\s*,\\s*")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Verifier(VerifyLog.SILENT).verify(config);
    }

    List<Finding> findings(String... dirs) {
        return verify(dirs).findings().stream().filter(f -> f.rule().equals(ruleId)).collect(Collectors.toList());
    }

    /** The findings as the {@code .expected} files write them: one line each, paths relative to the rule's folder. */
    List<String> lines(String... dirs) {
        String prefix = "rules/" + ruleId + "/";
        return findings(dirs).stream().map(f -> f.severity() + " | "
                + (f.location().file() == null ? "?" : f.location().file().replace(prefix, "")) + ":" + f.location().line()
                + " | " + f.object() + " | " + f.message()).collect(Collectors.toList());
    }

    boolean has(String dir) {
        return Files.isDirectory(SOURCES.resolve(ruleId).resolve(dir));
    }

    /** The lines of {@code <name>.expected} in the sources, or none when there is no such file. */
    List<String> expected(String name) {
        Path file = SOURCES.resolve(ruleId).resolve(name + ".expected");
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites {@code <name>.expected} in the sources from what the rule reports now; none removes the file. */
    void approve(String name, List<String> lines) {
        Path file = SOURCES.resolve(ruleId).resolve(name + ".expected");
        try {
            if (lines.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Files.writeString(file, String.join("\n", lines) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's SQL files in one folder, in name order. */
    List<Path> files(String dir) {
        try (Stream<Path> s = Files.list(SOURCES.resolve(ruleId).resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resourceRoot() {
        try {
            return Paths.get(RuleFixture.class.getResource("/rules").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
