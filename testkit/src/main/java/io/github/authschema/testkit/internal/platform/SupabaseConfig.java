package io.github.authschema.testkit.internal.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.github.authschema.testkit.SupabaseKitException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a project's {@code supabase/config.toml} says about the platform, read for the settings the
 * kit and verify honour. A setting is resolved in one order everywhere: an explicit one, then
 * config.toml, then the default; {@link Setting#source()} says which, for the log.
 */
public final class SupabaseConfig {
    /** {@code [api] auto_expose_new_tables}: new objects in public are granted to the API roles. */
    public static final String AUTO_EXPOSE_NEW_TABLES = "api.auto_expose_new_tables";
    /** {@code [db] major_version}: the PostgreSQL major of the project. */
    public static final String MAJOR_VERSION = "db.major_version";
    /** {@code [auth] enable_anonymous_sign_ins}. */
    public static final String ANONYMOUS_SIGN_INS = "auth.enable_anonymous_sign_ins";
    /** {@code [auth.email] enable_signup}. */
    public static final String EMAIL_SIGNUP = "auth.email.enable_signup";
    /** {@code [auth.sms] enable_signup}. */
    public static final String PHONE_SIGNUP = "auth.sms.enable_signup";

    /** {@code [db.seed] enabled}. */
    public static final String SEED_ENABLED = "db.seed.enabled";

    private static final String FILE = "supabase/config.toml";

    private final Path file;
    private final JsonNode root;

    private SupabaseConfig(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** A value and where it came from: "explicit", "supabase/config.toml [db] major_version" or "default". */
    public record Setting<T>(T value, String source) {
    }

    /** The project's config.toml under {@code projectDir}, or an empty config when there is none. */
    public static SupabaseConfig read(Path projectDir) {
        Path file = projectDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new SupabaseConfig(null, null);
        }
        try {
            return new SupabaseConfig(file, new TomlMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new SupabaseKitException(FILE + " is not valid TOML: " + e.getMessage().replaceAll("\\s+", " ")
                    + ". Fix the file, as supabase start would also refuse it.", e);
        }
    }

    public static SupabaseConfig none() {
        return new SupabaseConfig(null, null);
    }

    public boolean present() {
        return root != null;
    }

    public Setting<Boolean> bool(String key, Boolean explicit, boolean fallback) {
        return resolve(key, explicit, fallback, JsonNode::isBoolean, JsonNode::booleanValue, "true or false");
    }

    public Setting<Integer> integer(String key, Integer explicit, int fallback) {
        return resolve(key, explicit, fallback, JsonNode::isInt, JsonNode::intValue, "a whole number");
    }

    private <T> Setting<T> resolve(String key, T explicit, T fallback, Predicate<JsonNode> isType,
                                   Function<JsonNode, T> value, String expected) {
        if (explicit != null) {
            return new Setting<>(explicit, "explicit");
        }
        Optional<JsonNode> node = node(key);
        if (node.isEmpty()) {
            return new Setting<>(fallback, "default");
        }
        if (!isType.test(node.get())) {
            throw new SupabaseKitException(FILE + ": " + describe(key) + " must be " + expected + ", not " + node.get() + ".");
        }
        return new Setting<>(value.apply(node.get()), FILE + " " + describe(key));
    }

    /**
     * {@code [db.seed] sql_paths}: glob patterns relative to supabase/, in order; the CLI's default is
     * {@code ./seed.sql}.
     */
    public List<String> seedPaths() {
        Optional<JsonNode> paths = node("db.seed.sql_paths");
        if (paths.isEmpty()) {
            return List.of("./seed.sql");
        }
        if (!paths.get().isArray()) {
            throw new SupabaseKitException(FILE + ": [db.seed] sql_paths must be a list of paths, such as [\"./seed.sql\"].");
        }
        List<String> out = new ArrayList<>();
        paths.get().forEach(p -> out.add(p.asText()));
        return out;
    }

    /** {@code [api] schemas}: the schemas PostgREST serves; the CLI's default is public and graphql_public. */
    public List<String> apiSchemas() {
        Optional<JsonNode> schemas = node("api.schemas");
        if (schemas.isEmpty()) {
            return List.of("public", "graphql_public");
        }
        if (!schemas.get().isArray()) {
            throw new SupabaseKitException(FILE + ": [api] schemas must be a list of schema names, such as [\"public\", \"graphql_public\"].");
        }
        List<String> out = new ArrayList<>();
        schemas.get().forEach(n -> out.add(n.asText()));
        return out;
    }

    private Optional<JsonNode> node(String key) {
        if (root == null) {
            return Optional.empty();
        }
        JsonNode n = root;
        for (String part : key.split("\\.")) {
            n = n.path(part);
        }
        return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    /** {@code auth.sms.enable_signup} as the file writes it: {@code [auth.sms] enable_signup}. */
    static String describe(String key) {
        int dot = key.lastIndexOf('.');
        return "[" + key.substring(0, dot) + "] " + key.substring(dot + 1);
    }

    @Override
    public String toString() {
        return file == null ? "no " + FILE : file.toString();
    }
}
