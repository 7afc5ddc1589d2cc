package io.github.authschema.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The built-in rules, in the order reports list them, and those that jars add through ServiceLoader. */
public final class Rules {
    private Rules() {
    }

    /** Built-in rules and rules from {@code META-INF/services/io.github.authschema.rules.Rule} on the class path. */
    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(builtIn());
        for (Rule r : ServiceLoader.load(Rule.class, Rules.class.getClassLoader())) {
            if (all.stream().anyMatch(existing -> existing.id().equals(r.id()))) {
                throw new IllegalArgumentException("Rule id " + r.id() + " of " + r.getClass().getName() + " is already taken.");
            }
            all.add(r);
        }
        return all;
    }

    public static List<Rule> builtIn() {
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
                new MaterializedViewInApi(),
                new UnsupportedRegTypes(),
                new SensitiveColumnsExposed(),
                new PublicBucketAllowsListing(),
                // squawk's rules about the shape of columns
                new PreferTimestamptz(),
                new BanCharField(),
                new PreferTextField(),
                new PreferBigintOverInt(),
                new PreferIdentity(),
                // beyond the anchors
                new AuthTriggerUnsafe(),
                new ShadowUsersTable(),
                new PhoneNotUnique(),
                new PhoneFormatMismatch(),
                new NullableOwnerColumn(),
                new UnusedSuppression());
    }

}
