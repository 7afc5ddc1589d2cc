package io.github.authschema.verify;

/** A PostgreSQL server's JDBC URL and login. {@link #toString()} never shows the password. */
public record Credentials(String url, String user, String password) {

    @Override
    public String toString() {
        return url.replaceAll("password=[^&]*", "password=****") + (user == null ? "" : " as " + user);
    }
}
