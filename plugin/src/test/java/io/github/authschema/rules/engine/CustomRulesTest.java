package io.github.authschema.rules.engine;

import io.github.authschema.InvalidInputException;
import io.github.authschema.report.ReportFormat;
import io.github.authschema.report.Reports;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.NoTemporaryTables;
import io.github.authschema.rules.RuleFixture;
import io.github.authschema.rules.Severity;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;
import io.github.authschema.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules a team adds without forking: SQL files in a folder, and Java rules found through ServiceLoader. */
class CustomRulesTest {
    @TempDir
    Path reports;

    private static VerifyResult verify(String sqlRules) {
        return new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(RuleFixture.resourceRoot()).shareServer(true)
                .locations(List.of("filesystem:custom-rules/migrations"))
                .sqlRules(List.of(Path.of("custom-rules", sqlRules))));
    }

    @Test
    void aSqlRuleReportsItsRowsAsFindingsAtTheObjectsMigration() {
        VerifyResult result = verify("sql");
        List<Finding> found = result.findings().stream().filter(f -> f.rule().equals("no-text-primary-keys")).toList();
        assertEquals(1, found.size(), result.findings().toString());
        Finding f = found.get(0);
        assertEquals(Severity.WARN, f.severity());
        assertEquals("public.tags", f.object());
        assertEquals("custom-rules/migrations/20240101000000_tags.sql", f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("public.tags is keyed by text column name", f.message());
        assertTrue(f.fix().startsWith("Use a uuid"), f.fix());
    }

    @Test
    void aServiceLoaderRuleRunsLikeABuiltInOne() {
        assertTrue(RuleRegistry.all().stream().anyMatch(r -> r instanceof NoTemporaryTables));
        VerifyResult result = verify("sql");
        assertTrue(result.findings().stream().anyMatch(f -> f.rule().equals("no-temporary-tables") && f.object().equals("public.tmp_import")
                && f.location().line() == 6), result.findings().toString());
    }

    @Test
    void customRulesAppearInEveryReportFormat() throws Exception {
        VerifyResult result = verify("sql");
        Reports.write(result.report(result.findings()), EnumSet.allOf(ReportFormat.class), reports, "test");
        for (String file : List.of("report.json", "report.sarif", "TEST-authschema.xml", "report.md", "report.html", "gl-code-quality-report.json")) {
            String text = Files.readString(reports.resolve(file));
            assertTrue(text.contains("no-text-primary-keys") && text.contains("no-temporary-tables"), file);
        }
    }

    @Test
    void aBrokenSqlRuleNamesItsFile() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> verify("broken-sql"));
        assertTrue(e.getMessage().contains("typo.sql") && e.getMessage().contains("syntax error"), e.getMessage());
    }

    @Test
    void aSqlRuleWithoutAnIdIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SqlRule.parse(Path.of("nameless.sql"), "select 1 as object, 'x' as message"));
        assertTrue(e.getMessage().contains("-- id:"), e.getMessage());
    }
}
