package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Location;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "extension-in-public",
        severity = Severity.WARN,
        summary = "An extension is installed in the public schema (splinter 0014).",
        rationale = "Its functions and types then appear in the API schema, where PostgREST exposes them, and they clutter the "
                + "namespace your own objects live in.",
        fix = "create extension ... with schema extensions;")
public final class ExtensionInPublic extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (String ext : ctx.catalog().extensionsInPublic()) {
            Location at = ctx.catalog().origins().matching(e -> "CREATE EXTENSION".equals(e.commandTag())
                            && e.statement() != null && Pattern.compile("(?i)\\b" + Pattern.quote(ext) + "\\b").matcher(e.statement()).find())
                    .stream().findFirst().map(e -> ctx.catalog().origins().location(e)).orElse(Location.UNKNOWN);
            out.add(finding(ext, at, "Extension " + ext + " is installed in public.",
                    "drop extension " + ext + "; create extension " + ext + " with schema extensions;"));
        }
        return out;
    }
}
