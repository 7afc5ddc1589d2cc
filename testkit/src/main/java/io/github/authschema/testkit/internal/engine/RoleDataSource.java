package io.github.authschema.testkit.internal.engine;

import java.sql.Connection;

/** A DataSource whose connections act as one role in one database. */
public final class RoleDataSource extends SimpleDataSource {
    private final PostgresServer server;
    private final String database;
    private final String role;

    public RoleDataSource(PostgresServer server, String database, String role) {
        this.server = server;
        this.database = database;
        this.role = role;
    }

    @Override
    public Connection getConnection() {
        return Jdbc.as(server, database, role);
    }

    @Override
    public String toString() {
        return role + "@" + database;
    }
}
