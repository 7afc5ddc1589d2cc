package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Table;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.util.ArrayList;
import java.util.List;

@RuleDefinition(
        id = "insecure-queue-exposed-in-api",
        severity = Severity.ERROR,
        summary = "A pgmq queue table has RLS off while pgmq_public is served by the Data API (splinter 0019).",
        rationale = "Supabase Queues serve pgmq through the pgmq_public schema's functions, which read and write the queue tables as "
                + "the caller. With RLS off on pgmq.q_<queue>, anyone the functions are granted to (by default anon too) can read, "
                + "send and delete every message of the queue.",
        fix = "Enable row level security on the queue table and add policies for the roles that may use it, or stop exposing "
                + "pgmq_public in [api] schemas.")
public final class InsecureQueueExposedInApi extends Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (!ctx.catalog().exposed("pgmq_public")) {
            return out;
        }
        for (Table t : ctx.catalog().projectTables()) {
            if (t.schema().equals("pgmq") && t.name().startsWith("q_") && !t.rowLevelSecurity()) {
                out.add(finding(t.qualifiedName(), ctx.catalog().locate(t),
                        "Queue table " + t.qualifiedName() + " has RLS off, and pgmq_public serves it through the Data API.",
                        "alter table " + t.qualifiedName() + " enable row level security;"));
            }
        }
        return out;
    }
}
