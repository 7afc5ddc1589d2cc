package io.github.authschema.release;

import io.github.authschema.rules.engine.BuildGate.Verdict;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;
import io.github.authschema.verify.VerifyResult;

import java.util.List;
import java.util.Optional;

/**
 * What authschema:migrate did. Every outcome carries the verification that ran first, on a
 * throwaway database, and the build gate's verdict on it.
 */
public sealed interface MigrateResult {
    VerifyResult verification();

    Verdict verdict();

    /** The verification failed at failOn: the target was not touched. */
    record Refused(VerifyResult verification, Verdict verdict) implements MigrateResult {
    }

    /** The target's history does not match the files (edited, missing, out of order): nothing was applied. */
    record HistoryMismatch(VerifyResult verification, Verdict verdict, List<String> problems, Drift drift) implements MigrateResult {
    }

    /**
     * The target is not what its applied migrations build, in objects the pending migrations meet
     * ({@code conflicts}), or anywhere with failOnDrift ANY: nothing was applied. {@code skips} names each
     * pending CREATE … IF NOT EXISTS the target would skip, and how its object differs there.
     */
    record Drifted(VerifyResult verification, Verdict verdict, int appliedBefore, List<Conflict> conflicts, List<String> skips,
                   Drift drift) implements MigrateResult {
    }

    /** A dry run: what would be applied, nothing was. */
    record DryRun(VerifyResult verification, Verdict verdict, List<String> pending, Drift drift) implements MigrateResult {
    }

    /** The pending migrations, applied in order up to a failure, which was rolled back. */
    record Applied(VerifyResult verification, Verdict verdict, List<String> applied, Optional<MigrationFailure> failure, Drift drift)
            implements MigrateResult {
    }

    /** A difference a pending migration meets: the summary line, the object, and the first statement that names it. */
    record Conflict(String difference, String object, String file, int line) {
        public String describe() {
            return file + ":" + line + " meets " + object + ", which differs on the target: " + difference;
        }
    }

    /**
     * The target's project objects against those the migrations build: what was changed by hand shows
     * on one side.
     */
    record Drift(List<String> onlyInTarget, List<String> onlyInMigrations) {
        public boolean isEmpty() {
            return onlyInTarget.isEmpty() && onlyInMigrations.isEmpty();
        }
    }
}
