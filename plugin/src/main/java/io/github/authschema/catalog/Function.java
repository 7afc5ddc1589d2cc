package io.github.authschema.catalog;

import java.util.List;
import java.util.Optional;

/** A function with the attributes the security rules need. */
public record Function(String identity, String schema, String name, String arguments, String language, boolean securityDefiner,
                       List<String> config, String body, boolean executableByAnon, boolean executableByAuthenticated,
                       boolean returnsTrigger) {

    /** As PostgreSQL identifies it: schema.name(argument types). */
    public String signature() {
        return identity;
    }

    /** The pinned search_path, if the function sets one. */
    public Optional<String> searchPath() {
        return config.stream().filter(c -> c.startsWith("search_path=")).map(c -> c.substring("search_path=".length())).findFirst();
    }
}
