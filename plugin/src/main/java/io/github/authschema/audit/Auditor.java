package io.github.authschema.audit;

import io.github.authschema.InvalidInputException;
import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.CatalogReader;
import io.github.authschema.catalog.Origins;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.engine.RuleEngine;
import io.github.authschema.rules.engine.RuleSettings;
import io.github.authschema.testkit.internal.engine.ExternalServer;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.Credentials;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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

    /**
     * @param idsOfOtherGoals verify's rule ids: one {@code <rules>} block serves every goal, so the
     *                        audit accepts settings for them without applying them
     */
    public AuditResult audit(Credentials database, Map<String, RuleSettings> settings, Set<String> idsOfOtherGoals) {
        long started = System.nanoTime();
        RuleEngine engine = new RuleEngine(AuditRules.all(), settings, idsOfOtherGoals);
        try (Connection c = ExternalServer.openReadOnly(database.url(), database.user(), database.password())) {
            c.setAutoCommit(false);
            Catalog catalog = CatalogReader.read(c, Origins.none());
            log.info("Auditing " + catalog.projectTables().size() + " project tables, read-only");
            List<Finding> findings = engine.run(RuleContext.of(catalog, List.of(), List.of(), List.of(), Set.of(), c, List.of()));
            c.rollback();
            return new AuditResult(findings, engine.rules(), (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new InvalidInputException("The audit could not read the database: " + e.getMessage()
                    + ". Check that the user may read the project tables and auth.users.", e);
        }
    }
}
