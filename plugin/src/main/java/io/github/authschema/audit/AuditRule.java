package io.github.authschema.audit;

import io.github.authschema.InvalidInputException;
import io.github.authschema.catalog.Ident;
import io.github.authschema.catalog.Location;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Rule;
import io.github.authschema.rules.RuleContext;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A check of live data, run in the audit's read-only session: each problem is a count with a few
 * sample ids, reported on the table it lives in.
 */
abstract class AuditRule extends Rule {
    static final int SAMPLES = 5;

    @Override
    public final List<Finding> check(RuleContext ctx) {
        try {
            return audit(ctx);
        } catch (SQLException e) {
            throw new InvalidInputException("Audit check " + id() + " could not read the database: " + e.getMessage()
                    + ". The audit user needs SELECT on the project tables and on auth.users.", e);
        }
    }

    abstract List<Finding> audit(RuleContext ctx) throws SQLException;

    /** Runs {@code select count, samples} and reports a finding when the count is not zero. */
    final void countAndSample(RuleContext ctx, String object, String sql, String what, List<Finding> out) throws SQLException {
        Connection c = ctx.connection();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                if (count == 0) {
                    return;
                }
                List<String> samples = new ArrayList<>();
                Array array = rs.getArray(2);
                if (array != null) {
                    for (Object o : (Object[]) array.getArray()) {
                        samples.add(String.valueOf(o));
                    }
                }
                out.add(finding(object, Location.UNKNOWN, count + " " + what + (samples.isEmpty() ? "" : "; for example " + String.join(", ", samples)) + "."));
            }
        }
    }

    static String q(String schema, String table) {
        return Ident.qualified(schema, table);
    }

    static String q(String column) {
        return Ident.quote(column);
    }
}
