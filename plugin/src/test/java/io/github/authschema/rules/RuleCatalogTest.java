package io.github.authschema.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule has a unique kebab-case id, its metadata, a doc page, a fixture set and a README row. */
class RuleCatalogTest {
    private static final Path ROOT = Paths.get("").toAbsolutePath().getParent();

    @Test
    void everyRuleIsDocumentedTestedAndListed() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> ids = new HashSet<>();
        for (Rule rule : Rules.builtIn()) {
            assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
            assertTrue(rule.id().matches("[a-z]+(-[a-z]+)*"), rule.id());
            assertFalse(rule.summary().isBlank() || rule.rationale().isBlank() || rule.fix().isBlank(), rule.id());

            Path doc = ROOT.resolve(rule.docPath());
            assertTrue(Files.isRegularFile(doc), "missing doc page " + doc);
            String text = Files.readString(doc);
            assertTrue(text.startsWith("# `" + rule.id() + "`"), doc + " starts with its id");
            assertTrue(text.contains(rule.summary()), doc + " states the summary");
            assertTrue(text.contains("## Bad") && text.contains("## Good"), doc + " has a bad and a good example");

            Path fixtures = Paths.get("src/test/resources/rules", rule.id());
            assertTrue(Files.isDirectory(fixtures.resolve("violating")) && Files.isDirectory(fixtures.resolve("clean")),
                    "fixtures for " + rule.id());
            String testClass = rule.getClass().getSimpleName() + "Test.java";
            assertTrue(Files.exists(Paths.get("src/test/java/io/github/authschema/rules", testClass)), "test class " + testClass);

            assertTrue(readme.contains("[`" + rule.id() + "`](" + rule.docPath() + ")"), "README rule table lists " + rule.id());
        }
    }
}
