package io.github.authschema.rules;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.simulate.SimulationResult;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a rule may look at: the schema, the simulated flows, a failed migration, settings, and
 * (for SQL rules) a connection to the verified database, or null.
 */
public record RuleContext(Catalog catalog, List<SimulationResult> simulations, Optional<MigrationFailure> migrationFailure,
                          Set<String> shadowUserTableNames, Connection connection) {
}
