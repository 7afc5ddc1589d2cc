package io.github.authschema.testkit.internal.engine;

/** A running PostgreSQL server and the superuser credentials the kit administers it with. */
public interface PostgresServer extends AutoCloseable {

    /** The JDBC URL of one database on this server. */
    String jdbcUrl(String database);

    /** The role the kit uses for setup: a superuser. */
    String adminUser();

    /** The admin role's password, or an empty string when the server trusts local connections. */
    String adminPassword();

    /** Whether any role may log in without a password (a cluster the kit started itself). */
    boolean trustsRoleLogins();

    /** The server's major version, such as 17. */
    int majorVersion();

    /** For messages: engine, host and port; never a password. */
    String describe();

    @Override
    void close();
}
