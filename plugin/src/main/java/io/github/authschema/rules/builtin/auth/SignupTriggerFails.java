package io.github.authschema.rules.builtin.auth;

import io.github.authschema.catalog.Catalog;
import io.github.authschema.catalog.Function;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;
import io.github.authschema.simulate.SimulationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleDefinition(
        id = "signup-trigger-fails",
        severity = Severity.ERROR,
        summary = "A simulated sign-up fails: the auth service would answer \"Database error saving new user\".",
        rationale = "Triggers on auth.users run inside the auth service's transaction, as its role supabase_auth_admin with "
                + "search_path auth. A trigger that is not SECURITY DEFINER, uses unqualified names, or assumes an email "
                + "(phone-only and anonymous users have none) makes every such sign-up fail.",
        fix = "Make the function SECURITY DEFINER with set search_path = '', qualify every name (public.profiles), and handle "
                + "NULL email, phone and metadata.")
public final class SignupTriggerFails extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        Catalog catalog = ctx.catalog();
        List<Finding> out = new ArrayList<>();
        for (SimulationResult r : ctx.simulations()) {
            if (r.ok() || r.action() != SimulationResult.Action.SIGN_UP) {
                continue;
            }
            SimulatedFailures.Culprit culprit = SimulatedFailures.culprit(catalog, r);
            out.add(SimulatedFailures.waitingIfOff(finding(culprit.object(), culprit.location(),
                    "The " + r.flow().label + " fails: " + culprit.description() + " raises \"" + r.message() + "\" (SQLSTATE "
                            + r.sqlState() + "). The auth service answers \"" + r.authMessage() + "\".",
                    fixFor(r.sqlState(), culprit.function())), r));
        }
        return out;
    }

    private String fixFor(String sqlState, Optional<Function> fn) {
        String name = fn.map(Function::signature).orElse("the trigger function");
        if ("42501".equals(sqlState)) {
            return "Declare " + name + " SECURITY DEFINER with set search_path = '' so it runs as its owner, not as supabase_auth_admin.";
        }
        if ("42P01".equals(sqlState) || "42883".equals(sqlState)) {
            return "Qualify every table and function in " + name + " with its schema (public.profiles): the auth service's search_path is auth.";
        }
        if ("23502".equals(sqlState) || "23514".equals(sqlState)) {
            return "Phone-only and anonymous users have no email (and anonymous ones no phone): let " + name
                    + " write NULL there, or coalesce to a value the table accepts.";
        }
        return fix();
    }
}
