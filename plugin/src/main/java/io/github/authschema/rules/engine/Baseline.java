package io.github.authschema.rules.engine;

import io.github.authschema.rules.Finding;
import io.github.authschema.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accepted findings, so a project can adopt the rules on an old migration history: later runs report
 * only new findings, plus the accepted ones that have since been fixed. Entries are keyed by rule and
 * object, not by line, so editing a migration does not reset them.
 */
public final class Baseline {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Map<String, String>> entries;

    private Baseline(List<Map<String, String>> entries) {
        this.entries = entries;
    }

    public static Baseline of(List<Finding> findings) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("rule", f.rule());
            e.put("object", f.object());
            e.put("file", f.location().file());
            e.put("message", f.message());
            entries.add(e);
        }
        return new Baseline(entries);
    }

    public static Baseline read(Path file) {
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            List<Map<String, String>> entries = new ArrayList<>();
            for (JsonNode n : root.path("findings")) {
                Map<String, String> e = new LinkedHashMap<>();
                n.fields().forEachRemaining(f -> e.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
                if (e.get("rule") == null || e.get("object") == null) {
                    throw new InvalidInputException("an entry lacks rule or object: " + n);
                }
                entries.add(e);
            }
            return new Baseline(entries);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("Cannot read the baseline " + file + ": " + e.getMessage()
                    + ". Regenerate it with mvn authschema:baseline, or delete it.", e);
        }
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MAPPER.writeValue(file.toFile(), Map.of("tool", "authschema", "findings", entries));
    }

    public int size() {
        return entries.size();
    }

    /** The findings the baseline does not accept. */
    public List<Finding> newFindings(List<Finding> findings) {
        Set<String> accepted = entries.stream().map(e -> key(e.get("rule"), e.get("object"))).collect(Collectors.toSet());
        return findings.stream().filter(f -> !accepted.contains(key(f.rule(), f.object()))).collect(Collectors.toList());
    }

    /** Accepted entries no longer found: fixed since the baseline was written. */
    public List<String> fixed(List<Finding> findings) {
        Set<String> current = findings.stream().map(f -> key(f.rule(), f.object())).collect(Collectors.toSet());
        return entries.stream().filter(e -> !current.contains(key(e.get("rule"), e.get("object"))))
                .map(e -> "[" + e.get("rule") + "] " + e.get("object")).collect(Collectors.toList());
    }

    private static String key(String rule, String object) {
        return rule + "\u0000" + object;
    }
}
