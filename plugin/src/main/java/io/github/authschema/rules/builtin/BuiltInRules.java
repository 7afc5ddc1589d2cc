package io.github.authschema.rules.builtin;

import io.github.authschema.rules.Rule;
import io.github.authschema.rules.builtin.access.AnonCanWrite;
import io.github.authschema.rules.builtin.access.ApiTableWithoutGrant;
import io.github.authschema.rules.builtin.access.AuthRlsInitplan;
import io.github.authschema.rules.builtin.access.AuthUsersExposed;
import io.github.authschema.rules.builtin.access.ExtensionInPublic;
import io.github.authschema.rules.builtin.access.ForeignTableInApi;
import io.github.authschema.rules.builtin.access.FunctionSearchPathMutable;
import io.github.authschema.rules.builtin.access.InsecureQueueExposedInApi;
import io.github.authschema.rules.builtin.access.MaterializedViewInApi;
import io.github.authschema.rules.builtin.access.MultiplePermissivePolicies;
import io.github.authschema.rules.builtin.access.PgGraphqlTableExposed;
import io.github.authschema.rules.builtin.access.PolicyAlwaysTrue;
import io.github.authschema.rules.builtin.access.PolicyExistsRlsDisabled;
import io.github.authschema.rules.builtin.access.PublicBucketAllowsListing;
import io.github.authschema.rules.builtin.access.RlsCrossUserRead;
import io.github.authschema.rules.builtin.access.RlsCrossUserWrite;
import io.github.authschema.rules.builtin.access.RlsDisabledInPublic;
import io.github.authschema.rules.builtin.access.RlsEnabledNoPolicy;
import io.github.authschema.rules.builtin.access.RlsProbeSkipped;
import io.github.authschema.rules.builtin.access.RlsReferencesUserMetadata;
import io.github.authschema.rules.builtin.access.SecurityDefinerFunctionExecutable;
import io.github.authschema.rules.builtin.access.SecurityDefinerView;
import io.github.authschema.rules.builtin.access.SensitiveColumnsExposed;
import io.github.authschema.rules.builtin.auth.AuthFkMissingCascade;
import io.github.authschema.rules.builtin.auth.AuthFkToNonPrimaryKey;
import io.github.authschema.rules.builtin.auth.AuthTriggerUnsafe;
import io.github.authschema.rules.builtin.auth.FkToShadowUsers;
import io.github.authschema.rules.builtin.auth.LinkTriggerFails;
import io.github.authschema.rules.builtin.auth.NullableOwnerColumn;
import io.github.authschema.rules.builtin.auth.PhoneFormatMismatch;
import io.github.authschema.rules.builtin.auth.PhoneNotUnique;
import io.github.authschema.rules.builtin.auth.SetNullOnNotNull;
import io.github.authschema.rules.builtin.auth.ShadowUsersTable;
import io.github.authschema.rules.builtin.auth.SignupTriggerFails;
import io.github.authschema.rules.builtin.auth.UserDeleteBlocked;
import io.github.authschema.rules.builtin.auth.UserDeleteFails;
import io.github.authschema.rules.builtin.columns.BanCharField;
import io.github.authschema.rules.builtin.columns.PreferBigintOverInt;
import io.github.authschema.rules.builtin.columns.PreferIdentity;
import io.github.authschema.rules.builtin.columns.PreferTextField;
import io.github.authschema.rules.builtin.columns.PreferTimestamptz;
import io.github.authschema.rules.builtin.columns.UnsupportedRegTypes;
import io.github.authschema.rules.builtin.migration.AuthSchemaModified;
import io.github.authschema.rules.builtin.migration.IfNotExistsSkipped;
import io.github.authschema.rules.builtin.migration.LocksAuthUsers;
import io.github.authschema.rules.builtin.migration.MigrationFails;
import io.github.authschema.rules.builtin.migration.NullablePrimaryKey;
import io.github.authschema.rules.builtin.migration.UnusedSuppression;
import io.github.authschema.rules.builtin.schema.DuplicateIndex;
import io.github.authschema.rules.builtin.schema.MissingPrimaryKey;
import io.github.authschema.rules.builtin.schema.UnindexedForeignKey;

import java.util.List;

/**
 * The rules authschema ships, by theme and in the order reports list them. Each theme is a package:
 * {@code migration} (does it apply), {@code auth} (auth.users integrity and the auth flows),
 * {@code access} (RLS and what the Data API exposes), {@code schema} and {@code columns} (shape).
 */
public final class BuiltInRules {
    private BuiltInRules() {
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
                new LinkTriggerFails(),
                new UserDeleteFails(),
                new AuthFkToNonPrimaryKey(),
                new AuthSchemaModified(),
                new IfNotExistsSkipped(),
                new LocksAuthUsers(),
                // access tried as two users and anon
                new RlsCrossUserRead(),
                new RlsCrossUserWrite(),
                new AnonCanWrite(),
                new RlsProbeSkipped(),
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
                new ApiTableWithoutGrant(),
                new MaterializedViewInApi(),
                new UnsupportedRegTypes(),
                new SensitiveColumnsExposed(),
                new PublicBucketAllowsListing(),
                new ForeignTableInApi(),
                new InsecureQueueExposedInApi(),
                new PgGraphqlTableExposed(),
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
