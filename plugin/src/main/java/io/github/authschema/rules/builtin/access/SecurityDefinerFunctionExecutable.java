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
        id = "security-definer-function-executable",
        severity = Severity.WARN,
        summary = "A SECURITY DEFINER function in an API schema can be called by anon or authenticated (splinter 0028, 0029).",
        rationale = "PostgREST exposes functions as /rpc endpoints, and Supabase grants EXECUTE on new functions to the API roles. A "
                + "SECURITY DEFINER function runs as its owner, usually postgres, which bypasses RLS.",
        fix = "revoke execute on function <f> from public, anon, authenticated; grant it to service_role only, or move the "
                + "function to a schema the API does not expose.")
public final class SecurityDefinerFunctionExecutable extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Function f : ctx.catalog().projectFunctions()) {
            if (f.securityDefiner() && !f.returnsTrigger() && ctx.catalog().exposed(f.schema())
                    && (f.executableByAnon() || f.executableByAuthenticated())) {
                String who = f.executableByAnon() && f.executableByAuthenticated() ? "anon and authenticated"
                        : f.executableByAnon() ? "anon" : "authenticated";
                out.add(finding(f.signature(), ctx.catalog().locate(f),
                        "SECURITY DEFINER function " + f.signature() + " is executable by " + who + " through /rpc.",
                        "revoke execute on function " + f.signature() + " from public, anon, authenticated;"));
            }
        }
        return out;
    }
}
