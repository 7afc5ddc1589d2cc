package io.github.authschema.rules;

import io.github.authschema.audit.AuditRules;
import io.github.authschema.rules.builtin.BuiltInRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule and audit check has a unique kebab-case id, its metadata, fixtures, a README row, and a
 * doc page equal to the one {@link RuleDocs} makes. After changing a rule, run
 * {@code mvn -pl plugin test -Dtest=RuleCatalogTest -Dauthschema.approve=true} to regenerate the pages.
 */
class RuleCatalogTest {
    private static final Path ROOT = Paths.get("").toAbsolutePath().getParent();
    private static final boolean APPROVE = Boolean.getBoolean("authschema.approve");

    @Test
    void everyRuleIsDeclaredOnceDocumentedTestedAndListed() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> ids = new HashSet<>();
        List<String> stale = new ArrayList<>();
        List<Rule> all = new ArrayList<>(BuiltInRules.all());
        all.addAll(AuditRules.all());
        for (Rule rule : all) {
            assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
            assertTrue(rule.id().matches("[a-z]+(-[a-z]+)*"), rule.id());
            assertTrue(rule.getClass().isAnnotationPresent(RuleDefinition.class), rule.getClass() + " declares @RuleDefinition");
            assertFalse(rule.summary().isBlank() || rule.rationale().isBlank() || rule.fix().isBlank(), rule.id());
            assertTrue(readme.contains("[`" + rule.id() + "`](" + rule.docPath() + ")"), "README rule table lists " + rule.id());

            boolean audit = AuditRules.all().stream().anyMatch(r -> r.id().equals(rule.id()));
            if (!audit) {
                assertTrue(Files.isDirectory(RuleFixture.SOURCES.resolve(rule.id()).resolve("violating"))
                        && Files.isDirectory(RuleFixture.SOURCES.resolve(rule.id()).resolve("clean")), "fixtures for " + rule.id());
            }
            Path doc = ROOT.resolve(rule.docPath());
            String page = audit ? RuleDocs.auditCheck(rule) : RuleDocs.verifyRule(rule);
            if (APPROVE) {
                Files.writeString(doc, page);
            }
            if (!Files.isRegularFile(doc) || !Files.readString(doc).equals(page)) {
                stale.add(rule.docPath());
            }
        }
        assertEquals(List.of(), stale, "doc pages that differ from their rule; regenerate them with -Dauthschema.approve=true");
    }
}
