package io.github.authschema.testkit;

import org.apiguardian.api.API;
import io.github.authschema.testkit.internal.Defaults;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Gives a test class a Supabase-like PostgreSQL with the project's migrations applied once, and
 * each test method a fresh database cloned from it. Declare parameters of type
 * {@link SupabaseDatabase} (fresh per test), {@link Auth} (that database's auth flows) or
 * {@link SupabasePostgres} (shared).
 *
 * <pre>{@code
 * @SupabaseTest(migrations = "filesystem:supabase/migrations")
 * class ProfileTest {
 *     @Test
 *     void signUpCreatesProfile(SupabaseDatabase db) {
 *         AuthUser user = db.auth().signInWithOtp("+15551234567");
 *         ...
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SupabaseExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface SupabaseTest {
    /**
     * Flyway-style migration locations. Empty: {@code src/main/resources/db/migration} or
     * {@code supabase/migrations}, whichever exists, else none.
     */
    String[] migrations() default {};

    Engine engine() default Engine.EMBEDDED;

    /**
     * PostgreSQL major version. Empty: {@code [db] major_version} of supabase/config.toml, else
     * {@value Defaults#POSTGRES_VERSION}.
     */
    String postgresVersion() default "";

    /**
     * Grant new tables in public to the API roles, as Supabase did before 2026. False leaves it to
     * {@code [api] auto_expose_new_tables} of supabase/config.toml, else off: tables need their own GRANT.
     */
    boolean autoExposeNewTables() default false;
}
