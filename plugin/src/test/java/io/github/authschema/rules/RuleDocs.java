package io.github.authschema.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a rule's doc page from what is declared once: its {@link RuleDefinition} and its test
 * fixtures with their expected findings. {@code docs/rules/<id>.md} must equal this, so the page
 * cannot drift from the rule (see {@code RuleCatalogTest}).
 */
final class RuleDocs {
    private static final Map<String, String> THEMES = Map.of(
            "migration", "does the migration apply",
            "auth", "auth.users integrity and the auth flows",
            "access", "RLS and what the Data API exposes",
            "schema", "schema hygiene",
            "columns", "the shape of columns",
            "audit", "the data of a live database");

    private RuleDocs() {
    }

    /** The page of a rule that verify runs, with its fixtures as the examples. */
    static String verifyRule(Rule rule) {
        RuleFixture fixture = new RuleFixture(rule.id());
        StringBuilder md = new StringBuilder();
        header(md, rule, "");
        md.append("## Bad\n\n");
        sql(md, fixture.files("violating"));
        md.append("authschema reports:\n\n```text\n");
        fixture.expected("violating").forEach(line -> md.append(line).append('\n'));
        md.append("```\n\n## Good\n\n");
        sql(md, fixture.files("clean"));
        if (fixture.has("fix")) {
            md.append("## Fixing it in a later migration\n\n");
            sql(md, fixture.files("fix"));
            if (!fixture.expected("fix").isEmpty()) {
                md.append("What is left after the fix:\n\n```text\n");
                fixture.expected("fix").forEach(line -> md.append(line).append('\n'));
                md.append("```\n\n");
            }
        }
        footer(md, rule, "Prefer fixing it. If the finding is intended, suppress it on its statement with a reason "
                + "(`-- authschema:ignore " + rule.id() + " <why this is fine>`), or lower or switch off the rule in the "
                + "plugin's configuration:");
        md.append("\nThe examples above are the rule's test fixtures (`plugin/src/test/resources/rules/").append(rule.id())
                .append("/`) and what it reports on them, checked on every build.\n");
        return md.toString();
    }

    /** The page of a check that audit runs on a live database. */
    static String auditCheck(Rule rule) {
        StringBuilder md = new StringBuilder();
        header(md, rule, ". Reported by `authschema:audit`, which reads a live database in a READ ONLY session");
        md.append("## What the report says\n\nA count and up to five sample ids, on the table where the rows are. The check is tested "
                + "on seeded bad and clean data in `plugin/src/test/java/io/github/authschema/audit/AuditorTest.java`.\n\n");
        footer(md, rule, "Switch the check off, or exclude tables, in the plugin's configuration:");
        return md.toString();
    }

    private static void header(StringBuilder md, Rule rule, String reportedBy) {
        String pkg = rule.getClass().getPackageName();
        String theme = pkg.substring(pkg.lastIndexOf('.') + 1);
        md.append("# `").append(rule.id()).append("`\n\n")
                .append("**Default severity:** ").append(rule.defaultSeverity()).append(reportedBy).append(".  \n")
                .append("**Theme:** ").append(THEMES.getOrDefault(theme, theme)).append(" (`plugin/src/main/java/")
                .append(rule.getClass().getName().replace('.', '/')).append(".java`)\n\n")
                .append(rule.summary()).append("\n\n")
                .append("## Why it matters on Supabase\n\n").append(rule.rationale()).append("\n\n");
    }

    private static void footer(StringBuilder md, Rule rule, String silence) {
        md.append("## How to fix\n\n").append(rule.fix()).append("\n\n")
                .append("## Silence it\n\n").append(silence).append("\n\n")
                .append("```xml\n<rules>\n  <rule>\n    <id>").append(rule.id()).append("</id>\n")
                .append("    <severity>OFF</severity> <!-- or INFO / WARN -->\n")
                .append("    <excludes><exclude>public.legacy_*</exclude></excludes> <!-- or only some objects -->\n")
                .append("  </rule>\n</rules>\n```\n");
    }

    private static void sql(StringBuilder md, List<Path> files) {
        for (Path f : files) {
            try {
                md.append("```sql\n-- ").append(f.getFileName()).append('\n').append(Files.readString(f).stripTrailing()).append("\n```\n\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
