package io.github.authschema.testkit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small query helpers for tests. */
final class Sql {
    private Sql() {
    }

    static Object one(Connection c, String sql, Object... params) throws SQLException {
        List<Object> rows = column(c, sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + ", got " + rows);
        }
        return rows.get(0);
    }

    static Object one(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return one(c, sql, params);
        }
    }

    static List<Object> column(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Object> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
                return out;
            }
        }
    }

    static List<Object> column(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return column(c, sql, params);
        }
    }

    static long count(DataSource ds, String sql, Object... params) throws SQLException {
        return ((Number) one(ds, sql, params)).longValue();
    }
}
