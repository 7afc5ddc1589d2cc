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
                new IfNotExistsSkipped(),
                // Supabase linter (splinter) parity
                new AuthUsersExposed(),
                new SecurityDefinerView(),
                new PolicyExistsRlsDisabled(),
                new RlsDisabledInPublic(),
                new RlsReferencesUserMetadata(),
                new AuthRlsInitplan(),
                new MultiplePermissivePolicies(),
                new DuplicateIndex(),
                new FunctionSearchPathMutable(),
                new ExtensionInPublic(),
                new PolicyAlwaysTrue(),
                new SecurityDefinerFunctionExecutable(),
                new UnindexedForeignKey(),
                new MissingPrimaryKey(),
                new RlsEnabledNoPolicy(),
                // beyond the anchors
                new AuthTriggerUnsafe(),
                new ShadowUsersTable(),
                new PhoneNotUnique(),
                new PhoneFormatMismatch(),
                new NullableOwnerColumn(),
                new UnusedSuppression());
    }

    public static Optional<Rule> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
