package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Function;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "function-search-path-mutable",
        severity = Severity.WARN,
        summary = "A function does not pin its search_path (splinter 0011).",
        rationale = "Unqualified names in the body resolve against the caller's search_path. For a SECURITY DEFINER function a "
                + "caller can shadow a table or operator; for a trigger on auth.users the caller is the auth service, whose "
                + "search_path is auth, so public.profiles is not found.",
        fix = "Add set search_path = '' and qualify every name, or set search_path = public, pg_temp.")
public final class FunctionSearchPathMutable extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Function f : ctx.catalog().projectFunctions()) {
            if (f.searchPath().isEmpty() && !f.language().equals("c") && !f.language().equals("internal")) {
                out.add(finding(f.signature(), ctx.catalog().locate(f), "Function " + f.signature() + " has a mutable search_path.",
                        "alter function " + f.signature() + " set search_path = '';"));
            }
        }
        return out;
    }
}
