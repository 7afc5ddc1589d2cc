package io.github.authschema.rules;

import java.util.List;
import java.util.Optional;

/** Every built-in rule, in the order reports list them. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(
                new MigrationFails(),
                new FkToShadowUsers(),
                new AuthFkMissingCascade(),
                new SetNullOnNotNull(),
                new UserDeleteBlocked(),
                new NullablePrimaryKey(),
                new SignupTriggerFails(),
                new UserDeleteFails(),
                new AuthFkToNonPrimaryKey(),
                new AuthSchemaModified(),
                new IfNotExistsSkipped());
    }

    public static Optional<Rule> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
