package io.github.authschema.maven;

import io.github.authschema.report.ConsoleReport;
import io.github.authschema.report.GithubAnnotations;
import io.github.authschema.report.ReportContent;
import io.github.authschema.report.ReportFormat;
import io.github.authschema.report.Reports;
import io.github.authschema.rules.Severity;
import io.github.authschema.rules.engine.Baseline;
import io.github.authschema.rules.engine.BuildGate;
import io.github.authschema.rules.engine.BuildGate.Verdict;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a goal that judges findings shows them: the build gate (failOn and the baseline), the console
 * lines, the report files, GitHub's annotations, and the failure when the verdict fails the build.
 */
record Reporting(BuildGate gate, File baselineFile, Set<ReportFormat> formats, Path directory, String toolVersion) {

    /** Parses the goal's reporting parameters before any slow work starts, so a typo fails fast. */
    static Reporting of(String failOn, File baseline, List<String> reportFormats, File reportDirectory, String pluginVersion) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String f : reportFormats == null ? List.<String>of() : reportFormats) {
            if (!f.isBlank()) {
                formats.add(ReportFormat.parse(f));
            }
        }
        Optional<Baseline> accepted = baseline != null && baseline.isFile() ? Optional.of(Baseline.read(baseline.toPath())) : Optional.empty();
        return new Reporting(new BuildGate(BuildGate.parseFailOn(failOn), accepted), baseline, formats, reportDirectory.toPath(),
                pluginVersion == null ? "dev" : pluginVersion);
    }

    /** Prints the verdict's findings and writes the reports of {@code content}, which holds them. */
    void show(ReportContent content, Verdict verdict, Log log) throws MojoExecutionException {
        if (gate.baseline().isPresent()) {
            log.info("Baseline " + baselineFile + " accepts " + verdict.accepted() + " of "
                    + (verdict.accepted() + verdict.reported().size()) + " findings.");
            for (String fixed : verdict.fixedSinceBaseline()) {
                log.info("  fixed since the baseline: " + fixed + " (run authschema:baseline to drop it)");
            }
        }
        for (ConsoleReport.Line line : ConsoleReport.lines(content)) {
            if (line.level() == Severity.ERROR) {
                log.error(line.text());
            } else if (line.level() == Severity.WARN) {
                log.warn(line.text());
            } else {
                log.info(line.text());
            }
        }
        try {
            for (Path file : Reports.write(content, formats, directory, toolVersion)) {
                log.info("Report: " + file);
            }
            if ("true".equals(System.getenv("GITHUB_ACTIONS"))) {
                // workflow commands must start the line, so they bypass Maven's log prefix
                GithubAnnotations.lines(content).forEach(System.out::println);
                String summary = System.getenv("GITHUB_STEP_SUMMARY");
                if (summary != null && !summary.isBlank()) {
                    Reports.appendStepSummary(content, Path.of(summary));
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Fails the build when the verdict says so; {@code detail} is added to the message, or empty. */
    static void failIfItFails(ReportContent content, Verdict verdict, String detail) throws MojoFailureException {
        if (verdict.fails()) {
            throw new MojoFailureException(ConsoleReport.summary(content) + " at or above failOn=" + verdict.failOn() + detail
                    + System.lineSeparator() + ConsoleReport.docHint());
        }
    }
}
