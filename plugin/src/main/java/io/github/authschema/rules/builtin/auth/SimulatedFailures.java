package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.Function;
import io.github.authschema.catalog.Location;
import io.github.authschema.catalog.Trigger;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;
import io.github.authschema.simulate.SimulationResult;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ties a failed simulated flow back to the trigger and function that raised it, and their file. */
final class SimulatedFailures {
    private static final Pattern FUNCTION = Pattern.compile("function ([\\w\".]+)\\(");

    private SimulatedFailures() {
    }

    /**
     * Who raised a failed step: the trigger on auth.users and its function when PostgreSQL's context
     * names them, else the function alone, else the database; where the function was made.
     */
    record Culprit(String object, Location location, String description, Optional<Function> function) {
    }

    static Culprit culprit(Catalog catalog, SimulationResult r) {
        Optional<Function> fn = raisingFunction(catalog, r.where());
        Optional<Trigger> trigger = fn.flatMap(f -> triggerRunning(catalog, f, "auth.users"));
        Location at = fn.map(f -> locate(catalog, f)).orElse(Location.UNKNOWN);
        String description = trigger.map(t -> "trigger " + t.name() + " on auth.users runs " + fn.get().signature() + ", which")
                .orElse(fn.map(Function::signature).orElse("the database"));
        String object = trigger.map(Trigger::objectName).orElse(fn.map(Function::signature).orElse("auth.users"));
        return new Culprit(object, at, description, fn);
    }

    /** The user-defined function named in PostgreSQL's error context, innermost first. */
    static Optional<Function> raisingFunction(Catalog catalog, String where) {
        if (where == null) {
            return Optional.empty();
        }
        Matcher m = FUNCTION.matcher(where);
        while (m.find()) {
            String name = m.group(1).replace("\"", "");
            String schema = name.contains(".") ? name.substring(0, name.indexOf('.')) : "public";
            String fn = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
            Optional<Function> f = catalog.function(schema, fn);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    static Optional<Trigger> triggerRunning(Catalog catalog, Function f, String table) {
        return catalog.triggers().stream()
                .filter(t -> (t.schema() + "." + t.table()).equals(table) && t.functionSchema().equals(f.schema())
                        && t.functionName().equals(f.name()))
                .findFirst();
    }

    static Location locate(Catalog catalog, Function f) {
        Location l = catalog.locate(f);
        return l.known() ? l : Location.UNKNOWN;
    }

    /**
     * A failure of a way in that supabase/config.toml turns off is a failure waiting to happen, not a
     * broken build: INFO, saying which setting would bring it out.
     */
    static Finding waitingIfOff(Finding f, SimulationResult r) {
        if (r.offInConfig() == null) {
            return f;
        }
        return new Finding(f.rule(), Severity.INFO, f.object(), f.location(), f.message() + " This way in is off ("
                + r.offInConfig() + " in supabase/config.toml): it fails as soon as you turn it on.", f.fix());
    }
}
