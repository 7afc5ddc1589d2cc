package io.github.authschema.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.authschema.InvalidInputException;
import io.github.authschema.rules.engine.RuleRegistry;
import io.github.authschema.simulate.TableAccess;
import io.github.authschema.testkit.AccessMatrix;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;
import io.github.authschema.verify.Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every report format, written from a real verification of a schema with a blocked delete path. */
class ReportsTest {
    private static ReportContent result;

    @TempDir
    Path dir;

    @BeforeAll
    static void verify() throws URISyntaxException {
        Path base = Paths.get(ReportsTest.class.getResource("/rules").toURI()).getParent();
        VerifyResult verified = new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(base).shareServer(true)
                .locations(List.of("filesystem:rules/user-delete-blocked/violating")));
        result = verified.report(verified.findings());
    }

    private Path write(ReportFormat format) throws Exception {
        List<Path> files = Reports.write(result, EnumSet.of(format), dir, "test");
        assertEquals(1, files.size());
        return files.get(0);
    }

    @Test
    void sarifIsValidAgainstTheSarif210SchemaAndPointsAtTheMigrationLine() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(write(ReportFormat.SARIF).toFile());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertEquals(Set.of(), errors);

        JsonNode run = sarif.get("runs").get(0);
        assertEquals(RuleRegistry.all().size(), run.get("tool").get("driver").get("rules").size());
        JsonNode blocked = null;
        for (JsonNode r : run.get("results")) {
            if (r.get("ruleId").asText().equals("user-delete-blocked")) {
                blocked = r;
            }
        }
        JsonNode physical = blocked.get("locations").get(0).get("physicalLocation");
        assertEquals("rules/user-delete-blocked/violating/20240102000000_invoices.sql", physical.get("artifactLocation").get("uri").asText());
        assertEquals(3, physical.get("region").get("startLine").asInt());
        assertEquals("error", blocked.get("level").asText());
    }

    @Test
    void junitXmlHasOneCasePerRuleAndAFailurePerFinding() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(write(ReportFormat.JUNIT).toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        assertEquals(RuleRegistry.all().size(), cases.getLength());
        int failures = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals("user-delete-blocked")) {
                failures = c.getElementsByTagName("failure").getLength();
                assertTrue(c.getTextContent().contains("20240102000000_invoices.sql:3"), c.getTextContent());
            }
        }
        assertEquals(1, failures);
    }

    @Test
    void markdownDrawsTheDeleteGraphWithTheBlockedEdgeInRed() throws Exception {
        String md = Files.readString(write(ReportFormat.MARKDOWN));
        assertTrue(md.contains("```mermaid\ngraph LR\n"), md);
        assertTrue(md.contains("t0[\"auth.users\"]") && md.contains("t1[\"public.profiles\"]") && md.contains("t2[\"public.invoices\"]"), md);
        assertTrue(md.contains("t0 -->|CASCADE| t1") && md.contains("t1 -->|NO ACTION| t2"), md);
        assertTrue(md.contains("linkStyle 1 stroke:#d00"), md);
        assertTrue(md.contains("`user-delete-blocked`"), md);
    }

    @Test
    void htmlIsSelfContained() throws Exception {
        String html = Files.readString(write(ReportFormat.HTML));
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("<link"), "no network needed");
        assertTrue(html.contains("user-delete-blocked") && html.contains("(blocks the delete)"), html);
        assertTrue(html.contains("20240102000000_invoices.sql"), html);
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), html);
    }

    @Test
    void theDeleteGraphIsDrawnAsWellFormedSvgWithTheBlockedEdgeInRed() throws Exception {
        String svg = DeleteGraphSvg.render(result.deleteGraph());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals(3, doc.getElementsByTagName("rect").getLength(), svg);
        assertEquals(2, doc.getElementsByTagName("line").getLength(), svg);
        assertTrue(svg.contains("stroke=\"#c00\" stroke-width=\"2\""), svg);
        assertTrue(svg.contains(">public.invoices</text>") && svg.contains(">no action</text>"), svg);
    }

    @Test
    void theAccessMatrixMarksWhatLeaks() {
        AccessMatrix leaky = new AccessMatrix("public.notes", "user_id", Map.of(
                AccessMatrix.Actor.OWNER, Set.of(AccessMatrix.Command.SELECT, AccessMatrix.Command.UPDATE),
                AccessMatrix.Actor.OTHER_USER, Set.of(AccessMatrix.Command.SELECT)), false, null);
        AccessMatrix skipped = new AccessMatrix("public.vouchers", null, Map.of(), false, "no row could be inserted: a check");
        List<TableAccess> access = List.of(new TableAccess("public", "notes", leaky, Map.of()),
                new TableAccess("public", "vouchers", skipped, Map.of()));
        String md = AccessSection.markdown(access);
        assertTrue(md.contains("| `public.notes` | `user_id` | select, update | **select** | none | none |"), md);
        assertTrue(md.contains("| `public.vouchers` | not probed: no row could be inserted: a check | | | | |"), md);
        String html = AccessSection.html(access);
        assertTrue(html.contains("<td class=\"ERROR\">select</td>"), html);
    }

    @Test
    void githubAnnotationsPointAtFileAndLine() {
        List<String> lines = GithubAnnotations.lines(result);
        assertTrue(lines.contains("::error file=rules/user-delete-blocked/violating/20240102000000_invoices.sql,line=3,"
                + "title=authschema user-delete-blocked::" + result.findings().stream()
                .filter(f -> f.rule().equals("user-delete-blocked")).findFirst().map(f -> f.message() + " Fix: " + f.fix()).orElseThrow()),
                String.join("\n", lines));
    }

    @Test
    void gitlabCodeQualityPointsAtFileAndLine() throws Exception {
        JsonNode issues = new ObjectMapper().readTree(write(ReportFormat.GITLAB).toFile());
        JsonNode blocked = null;
        for (JsonNode i : issues) {
            if (i.get("check_name").asText().equals("user-delete-blocked")) {
                blocked = i;
            }
        }
        assertEquals("rules/user-delete-blocked/violating/20240102000000_invoices.sql", blocked.get("location").get("path").asText());
        assertEquals(3, blocked.get("location").get("lines").get("begin").asInt());
        assertEquals("critical", blocked.get("severity").asText());
        assertEquals(64, blocked.get("fingerprint").asText().length());
    }

    @Test
    void unknownFormatNamesTheChoices() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ReportFormat.parse("pdf"));
        assertTrue(e.getMessage().contains("sarif"), e.getMessage());
    }
}
