package io.github.authschema.testkit.internal.cache;

import io.github.authschema.testkit.internal.migrate.MigrationFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A SHA-256 over labelled inputs. Each input is written with its label and length, so that moving
 * bytes from one input to the next changes the digest.
 */
public final class Fingerprint {
    private static final Map<Path, String> CODE = new ConcurrentHashMap<>();

    private final MessageDigest digest;

    private Fingerprint(String kind) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        add("kind", kind);
    }

    public static Fingerprint of(String kind) {
        return new Fingerprint(kind);
    }

    public Fingerprint add(String label, byte[] bytes) {
        digest.update(label.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(bytes);
        return this;
    }

    public Fingerprint add(String label, Object value) {
        return add(label, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    /** A file's bytes, or a mark that it is absent: creating the file is a change too. */
    public Fingerprint addFile(String label, Path file) {
        try {
            return Files.isRegularFile(file) ? add(label, Files.readAllBytes(file)) : add(label, "<absent>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The digest of the code that {@code anchors} were loaded from: a jar's bytes, or every file of a
     * classes directory. A version number alone would let a rebuilt snapshot of the same version reuse
     * what its predecessor proved.
     */
    public static String ofCode(Class<?>... anchors) {
        Fingerprint f = of("code");
        for (Class<?> anchor : anchors) {
            Path source;
            try {
                source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | NullPointerException | SecurityException e) {
                f.add(anchor.getName(), "<unknown source>");
                continue;
            }
            f.add(anchor.getName(), CODE.computeIfAbsent(source, Fingerprint::ofSource));
        }
        return f.hex();
    }

    private static String ofSource(Path source) {
        Fingerprint f = of("source");
        if (Files.isRegularFile(source)) {
            return f.addFile("jar", source).hex();
        }
        try (Stream<Path> files = Files.walk(source)) {
            List<Path> sorted = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
            for (Path p : sorted) {
                f.addFile(source.relativize(p).toString(), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f.hex();
    }

    /**
     * One digest per migration: the i-th covers {@code base} and the first i+1 files (name, version,
     * layout and text), so a stored state after those files is found by its digest, and any edit,
     * rename, removal or reordering of an earlier file changes every digest from there on.
     */
    public static List<String> chain(String base, List<MigrationFile> files) {
        List<String> out = new ArrayList<>();
        String previous = base;
        for (MigrationFile m : files) {
            previous = of("migration").add("previous", previous).add("path", m.displayPath()).add("version", m.version())
                    .add("description", m.description()).add("layout", m.layout()).add("sql", m.sql()).hex();
            out.add(previous);
        }
        return out;
    }
}
