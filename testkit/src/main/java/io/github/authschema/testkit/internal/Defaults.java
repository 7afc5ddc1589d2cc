package io.github.authschema.testkit.internal;

import io.github.authschema.testkit.SupabaseKitException;
import org.apiguardian.api.API;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Every default the kit and the plugin share, written once. The strings are compile-time constants
 * so that annotation defaults ({@code @SupabaseTest}, the goals' {@code defaultValue}s) can name them.
 */
@API(status = INTERNAL, since = "0.1")
public final class Defaults {
    /** The PostgreSQL major of new Supabase projects, and of the embedded binaries the kit bundles. */
    public static final String POSTGRES_VERSION = "17";

    /** Longest one migration statement may run before it is cancelled (a lock wait, an endless loop). */
    public static final String STATEMENT_TIMEOUT_SECONDS = "300";

    /** Home-made user tables that foreign keys should not point at, instead of auth.users. */
    public static final String SHADOW_USER_TABLES = "users,user,app_users";

    /**
     * bcrypt cost of the emulated auth service's password hashes. The service uses 10; 4 gives the same
     * hash format about 50 times faster, which is what tests and simulations need.
     */
    public static final int BCRYPT_COST = 4;

    private Defaults() {
    }

    /** A user's PostgreSQL version ("17", "16.4") as a supported major, or the reason it is not one. */
    public static int parseMajor(String version, String setting) {
        try {
            return requireSupported(Integer.parseInt(version.trim().replaceFirst("\\..*", "")));
        } catch (NumberFormatException e) {
            throw new SupabaseKitException(setting + " must be a major version such as 17; got '" + version + "'.");
        }
    }

    public static int requireSupported(int major) {
        if (major < 15) {
            throw new SupabaseKitException("PostgreSQL " + major + " is not supported; Supabase runs 15 or later. Use 15, 16 or 17.");
        }
        return major;
    }

    public static int postgresMajor() {
        return Integer.parseInt(POSTGRES_VERSION);
    }

    public static Duration statementTimeout() {
        return Duration.ofSeconds(Long.parseLong(STATEMENT_TIMEOUT_SECONDS));
    }

    public static Set<String> shadowUserTables() {
        return new LinkedHashSet<>(Arrays.asList(SHADOW_USER_TABLES.split(",")));
    }
}
