package io.github.authschema.rules.builtin.access;

import io.github.authschema.catalog.Policy;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;
import io.github.authschema.rules.RuleDefinition;
import io.github.authschema.rules.Severity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@RuleDefinition(
        id = "public-bucket-allows-listing",
        severity = Severity.WARN,
        summary = "A public storage bucket also has a SELECT policy that lets clients list its files (splinter 0025).",
        rationale = "Public buckets serve files by URL without any policy. A broad SELECT policy on storage.objects adds listing: "
                + "anyone can enumerate every file name in the bucket, including ones meant to be found only by link. A policy "
                + "narrowed to a folder (storage.foldername(name), name like 'prefix/%') lists that folder on purpose and is not "
                + "reported.",
        fix = "Drop the SELECT policy for the public bucket, or narrow it to the owner's folder.")
public final class PublicBucketAllowsListing extends Rule {
    /** A folder test as PostgreSQL deparses it: foldername(name), name LIKE 'prefix/%', starts_with(name, 'prefix'). */
    private static final Pattern FOLDER = Pattern.compile("foldername\\(name\\)|\\bname ~~\\*? '[^'%_]+|starts_with\\(name, '[^']+'");

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (ctx.connection() == null) {
            return out;
        }
        for (Policy p : ctx.catalog().projectPolicies()) {
            boolean reads = p.command().equals("SELECT") || p.command().equals("ALL");
            if (!p.schema().equals("storage") || !p.table().equals("objects") || !reads || !p.permissive()
                    || !p.forApiRoles()) {
                continue;
            }
            for (String bucket : publicBuckets(ctx)) {
                String using = p.using() == null ? "" : p.using();
                boolean forBucket = using.contains("'" + bucket + "'") || !using.contains("bucket_id");
                boolean perUser = using.contains("auth.uid()") || using.contains("owner");
                if (forBucket && !perUser && !FOLDER.matcher(using).find()) {
                    out.add(finding(p.objectName(), ctx.catalog().locate(p), "Public bucket " + bucket + " can be listed through policy \""
                            + p.name() + "\" on storage.objects."));
                }
            }
        }
        return out;
    }

    private static List<String> publicBuckets(RuleContext ctx) {
        List<String> buckets = new ArrayList<>();
        try (PreparedStatement ps = ctx.connection().prepareStatement("select id from storage.buckets where public order by id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                buckets.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read storage.buckets: " + e.getMessage(), e);
        }
        return buckets;
    }
}
