package io.github.authschema.verify;

import io.github.authschema.testkit.internal.migrate.MigrationFailure;

import java.util.List;
import java.util.Optional;

/**
 * What authschema:migrate did: the verification it ran first, the target's history problems, the
 * migrations it applied (or would apply, in a dry run), a failure, and schema drift.
 */
public record MigrateResult(VerifyResult verification, boolean refused, List<String> historyProblems, List<String> pending,
                            List<String> applied, Optional<MigrationFailure> failure, List<String> onlyInTarget,
                            List<String> onlyInMigrations) {
}
