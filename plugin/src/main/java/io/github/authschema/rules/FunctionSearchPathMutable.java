package io.github.authschema.rules;

import io.github.authschema.catalog.Function;

import java.util.ArrayList;
import java.util.List;

public final class FunctionSearchPathMutable extends Rule {
    public FunctionSearchPathMutable() {
        super("function-search-path-mutable", Severity.WARN,
                "A function does not pin its search_path (splinter 0011).",
                "Unqualified names in the body resolve against the caller's search_path. For a SECURITY DEFINER function a "
                        + "caller can shadow a table or operator; for a trigger on auth.users the caller is the auth service, whose "
                        + "search_path is auth, so public.profiles is not found.",
                "Add set search_path = '' and qualify every name, or set search_path = public, pg_temp.");
    }

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
