package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.SupabaseKitException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An existing server. The kit connects with the given superuser, creates its own databases there
 * ({@code authschema_<random>...}) and drops them afterwards; it never writes to any other database.
 */
public final class ExternalServer implements PostgresServer {
    private static final int ATTEMPTS = 3;

    private final String baseUrl;
    private final String hostAndPort;
    private final String user;
    private final String password;
    private final int major;

    private ExternalServer(String baseUrl, String hostAndPort, String user, String password, int major) {
        this.baseUrl = baseUrl;
        this.hostAndPort = hostAndPort;
        this.user = user;
        this.password = password;
        this.major = major;
    }

    /**
     * Connects to {@code url} (jdbc:postgresql://host:port/db, credentials may be in the URL as
     * user= and password= parameters) with bounded timeouts and a few retries.
     */
    public static ExternalServer connect(String url, String user, String password) {
        ParsedUrl parsed = ParsedUrl.parse(url);
        String effectiveUser = firstNonEmpty(user, parsed.user, "postgres");
        String effectivePassword = firstNonEmpty(password, parsed.password, "");
        try (Connection c = open(parsed, parsed.database, effectiveUser, effectivePassword);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int / 10000, "
                     + "(select rolsuper from pg_roles where rolname = current_user)")) {
            rs.next();
            if (!rs.getBoolean(2)) {
                throw new SupabaseKitException("The user " + effectiveUser + " on the external server at " + parsed.hostAndPort
                        + " is not a superuser. The kit needs one to create the Supabase roles and its own databases; "
                        + "set user/password to a superuser.");
            }
            return new ExternalServer(parsed.base, parsed.hostAndPort, effectiveUser, effectivePassword, rs.getInt(1));
        } catch (SQLException e) {
            throw new SupabaseKitException("Cannot read the external server at " + parsed.hostAndPort + ": " + e.getMessage(), e);
        }
    }

    /** A session on the database the URL names, with the same bounded connect and clear errors. */
    public static Connection openSession(String url, String user, String password) {
        ParsedUrl parsed = ParsedUrl.parse(url);
        return open(parsed, parsed.database, firstNonEmpty(user, parsed.user, "postgres"), firstNonEmpty(password, parsed.password, ""));
    }

    /** host:port of a JDBC URL, for messages. */
    public static String hostAndPort(String url) {
        return ParsedUrl.parse(url).hostAndPort;
    }

    /**
     * A read-only session on the database the URL names, for auditing a live database: every
     * transaction in it is READ ONLY, so no statement can write. Any role with read access will do.
     */
    public static Connection openReadOnly(String url, String user, String password) {
        ParsedUrl parsed = ParsedUrl.parse(url);
        Connection c = open(parsed, parsed.database, firstNonEmpty(user, parsed.user, "postgres"), firstNonEmpty(password, parsed.password, ""));
        try (Statement s = c.createStatement()) {
            c.setReadOnly(true);
            s.execute("set session characteristics as transaction read only");
            return c;
        } catch (SQLException e) {
            Jdbc.closeQuietly(c);
            throw new SupabaseKitException("Cannot make the session at " + parsed.hostAndPort + " read-only: " + e.getMessage(), e);
        }
    }

    /** Connects with a bounded timeout and a few retries; the message names host and port, never the password. */
    private static Connection open(ParsedUrl parsed, String database, String effectiveUser, String effectivePassword) {
        String where = "the external server at " + parsed.hostAndPort;
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return Jdbc.connect(parsed.base + "/" + database, effectiveUser, effectivePassword);
            } catch (SQLException e) {
                last = e;
                if (isAuthenticationFailure(e)) {
                    break;
                }
                sleep(attempt * 500L);
            }
        }
        String state = last.getSQLState() == null ? "" : " (SQLSTATE " + last.getSQLState() + ")";
        throw new SupabaseKitException("Cannot connect to " + where + " as " + effectiveUser + state + ": "
                + redact(last.getMessage(), effectivePassword) + ". "
                + (isAuthenticationFailure(last) ? "Check the user and password (or serverId in settings.xml)."
                        : "Check that the server runs and accepts TCP connections on " + parsed.hostAndPort
                        + "; tried " + ATTEMPTS + " times with a 5 s connect timeout."), last);
    }

    private static boolean isAuthenticationFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("28");
    }

    static String redact(String text, String secret) {
        if (text == null) {
            return "";
        }
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "****");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    @Override
    public String jdbcUrl(String database) {
        return baseUrl + "/" + database;
    }

    @Override
    public String adminUser() {
        return user;
    }

    @Override
    public String adminPassword() {
        return password;
    }

    @Override
    public boolean trustsRoleLogins() {
        return false;
    }

    @Override
    public int majorVersion() {
        return major;
    }

    @Override
    public String describe() {
        return "external PostgreSQL " + major + " at " + hostAndPort;
    }

    @Override
    public void close() {
        // not ours to stop
    }

    /** The parts of a JDBC URL the kit needs, with credentials taken out of it. */
    static final class ParsedUrl {
        final String base;
        final String hostAndPort;
        final String database;
        final String user;
        final String password;

        private ParsedUrl(String base, String hostAndPort, String database, String user, String password) {
            this.base = base;
            this.hostAndPort = hostAndPort;
            this.database = database;
            this.user = user;
            this.password = password;
        }

        static ParsedUrl parse(String url) {
            String prefix = "jdbc:postgresql://";
            if (url == null || !url.startsWith(prefix)) {
                throw new SupabaseKitException("The url setting must look like jdbc:postgresql://host:5432/postgres; got '"
                        + (url == null ? "" : url.replaceAll("password=[^&]*", "password=****")) + "'.");
            }
            URI uri = URI.create("postgresql://" + url.substring(prefix.length()));
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
            String user = null;
            String password = null;
            if (uri.getRawQuery() != null) {
                for (String kv : uri.getRawQuery().split("&")) {
                    String[] p = kv.split("=", 2);
                    String value = p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "";
                    if (p[0].equals("user")) {
                        user = value;
                    } else if (p[0].equals("password")) {
                        password = value;
                    }
                }
            }
            return new ParsedUrl(prefix + host + ":" + port, host + ":" + port, path, user, password);
        }
    }
}
