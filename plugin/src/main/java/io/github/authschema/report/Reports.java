package io.github.authschema.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes the selected report files under one directory. */
public final class Reports {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {
    }

    public static List<Path> write(ReportContent result, Set<ReportFormat> formats, Path dir, String version)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        if (formats.contains(ReportFormat.JSON)) {
            written.add(json(dir.resolve("report.json"), JsonReport.model(result, version)));
        }
        if (formats.contains(ReportFormat.SARIF)) {
            written.add(json(dir.resolve("report.sarif"), SarifReport.model(result, result.rules(), version)));
        }
        if (formats.contains(ReportFormat.JUNIT)) {
            written.add(text(dir.resolve("TEST-authschema.xml"), JunitXmlReport.render(result, result.rules())));
        }
        if (formats.contains(ReportFormat.MARKDOWN)) {
            written.add(text(dir.resolve("report.md"), MarkdownReport.render(result)));
        }
        if (formats.contains(ReportFormat.GITLAB)) {
            written.add(json(dir.resolve("gl-code-quality-report.json"), GitlabCodeQualityReport.model(result)));
        }
        if (formats.contains(ReportFormat.HTML)) {
            written.add(text(dir.resolve("report.html"), HtmlReport.render(result)));
        }
        return written;
    }

    /** Appends the Markdown summary to GitHub's step summary file. */
    public static void appendStepSummary(ReportContent result, Path summaryFile) throws IOException {
        Files.writeString(summaryFile, MarkdownReport.render(result) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Path json(Path file, Object model) throws IOException {
        MAPPER.writeValue(file.toFile(), model);
        return file;
    }

    private static Path text(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
