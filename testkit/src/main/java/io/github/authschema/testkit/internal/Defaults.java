package io.github.authschema.testkit.internal;

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
