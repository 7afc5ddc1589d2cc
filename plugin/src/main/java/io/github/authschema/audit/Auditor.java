package io.github.authschema.audit;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.CatalogReader;
import io.github.authschema.catalog.Origins;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleEngine;
import io.github.authschema.rules.RuleSettings;
import io.github.authschema.rules.Suppressions;
import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.engine.ExternalServer;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Audits the data of a live database for the damage auth-integrity mistakes leave behind. It only
 * reads: its session is READ ONLY, so the server itself refuses any write.
 */
public final class Auditor {
    private final VerifyLog log;

    public Auditor(VerifyLog log) {
        this.log = log;
    }

    public VerifyResult audit(String url, String user, String password, Map<String, RuleSettings> settings) {
        long started = System.nanoTime();
        RuleEngine engine = new RuleEngine(AuditRules.all(), settings);
        try (Connection c = ExternalServer.openReadOnly(url, user, password)) {
            c.setAutoCommit(false);
            Catalog catalog = CatalogReader.read(c, Origins.none());
            log.info("Auditing " + catalog.projectTables().size() + " project tables, read-only");
            List<Finding> findings = engine.run(new RuleContext(catalog, List.of(), Optional.empty(), Set.of(), c), Suppressions.parse(Map.of()));
            c.rollback();
            long ms = (System.nanoTime() - started) / 1_000_000;
            return new VerifyResult(List.of(), Optional.empty(), List.of(), findings, List.of(), List.of(), engine.rules(),
                    Map.of("audit", ms), ms, "audit (read-only)", catalog.summary());
        } catch (SQLException e) {
            throw new SupabaseKitException("The audit could not read the database: " + e.getMessage(), e);
        }
    }
}
