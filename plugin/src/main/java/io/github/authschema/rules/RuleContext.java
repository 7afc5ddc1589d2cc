package io.github.authschema.rules;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.simulate.SimulationResult;
import io.github.authschema.simulate.TableAccess;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

/**
 * Everything a rule may look at: the schema, the simulated flows, the access probe's tables, the migrations that failed, settings, the
 * migrations' inline suppressions, the ids of the rules that run, and (for SQL rules and audit
 * checks) a connection to the database, or null. {@link #findings()} is there only for rules that
 * declare {@link RuleDefinition#readsFindings()}.
 */
public record RuleContext(Catalog catalog, List<SimulationResult> simulations, List<TableAccess> access, List<MigrationFailure> migrationFailures,
                          Set<String> shadowUserTableNames, Connection connection, List<Suppression> suppressions,
                          Set<String> ruleIds, List<Finding> findings) {

    /** A context for the schema; the engine adds the rule ids and, for rules that read them, the findings. */
    public static RuleContext of(Catalog catalog, List<SimulationResult> simulations, List<TableAccess> access,
                                 List<MigrationFailure> migrationFailures, Set<String> shadowUserTableNames, Connection connection,
                                 List<Suppression> suppressions) {
        return new RuleContext(catalog, simulations, access, migrationFailures, shadowUserTableNames, connection, suppressions, Set.of(), null);
    }

    public RuleContext withRuleIds(Set<String> ids) {
        return new RuleContext(catalog, simulations, access, migrationFailures, shadowUserTableNames, connection, suppressions, Set.copyOf(ids),
                findings);
    }

    public RuleContext withFindings(List<Finding> others) {
        return new RuleContext(catalog, simulations, access, migrationFailures, shadowUserTableNames, connection, suppressions, ruleIds,
                List.copyOf(others));
    }

    /** The other rules' findings, before suppressions; only for rules that declare readsFindings. */
    @Override
    public List<Finding> findings() {
        if (findings == null) {
            throw new IllegalStateException("findings() is given only to rules whose @RuleDefinition says readsFindings = true");
        }
        return findings;
    }
}
