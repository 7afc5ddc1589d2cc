package io.github.authschema.testkit;

import io.github.authschema.testkit.internal.migrate.MigrationScanner;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * Backs {@link SupabaseTest}. The {@link SupabasePostgres} for a configuration lives in the root
 * store, so every test class with the same migrations shares one migrated template; each test
 * method's database lives in that method's store and is dropped when the method ends.
 */
final class SupabaseExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SupabaseExtension.class);
    private static final String DATABASE = "database";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SupabaseDatabase.class || type == SupabasePostgres.class || type == Auth.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == SupabasePostgres.class) {
            return postgres(context);
        }
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("A fresh " + type.getSimpleName() + " exists per test method; "
                    + parameter.getParameter() + " in " + context.getDisplayName()
                    + " is outside one. Inject SupabasePostgres there and call newDatabase() yourself.");
        }
        SupabaseDatabase db = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(DATABASE, k -> new ClosingDatabase(postgres(context).newDatabase()), ClosingDatabase.class).db;
        return type == Auth.class ? db.auth() : db;
    }

    private static SupabasePostgres postgres(ExtensionContext context) {
        SupabaseTest config = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SupabaseTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException("Annotate " + context.getRequiredTestClass().getName()
                        + " with @SupabaseTest to get a Supabase database."));
        List<String> locations = config.migrations().length > 0 ? Arrays.asList(config.migrations())
                : new MigrationScanner(Paths.get("")).detectDefaultLocations();
        String key = config.engine() + "|" + config.postgresVersion() + "|" + config.autoExposeNewTables() + "|"
                + String.join(",", locations);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> {
            SupabasePostgres.Builder builder = SupabasePostgres.builder()
                    .engine(config.engine())
                    .migrations(locations.toArray(new String[0]));
            if (!config.postgresVersion().isBlank()) {
                builder.postgresVersion(config.postgresVersion());
            }
            if (config.autoExposeNewTables()) {
                builder.autoExposeNewTables(true);
            }
            if (config.engine() == Engine.EXTERNAL) {
                // the server is the machine's, not the test's: it comes from the build's settings
                String url = System.getProperty("authschema.url", System.getenv("AUTHSCHEMA_URL"));
                if (url == null || url.isBlank()) {
                    throw new ExtensionConfigurationException("@SupabaseTest(engine = EXTERNAL) needs the server's JDBC URL in the "
                            + "system property authschema.url or the environment variable AUTHSCHEMA_URL (user and password in "
                            + "authschema.user / authschema.password or AUTHSCHEMA_USER / AUTHSCHEMA_PASSWORD).");
                }
                builder.external(url, System.getProperty("authschema.user", System.getenv("AUTHSCHEMA_USER")),
                        System.getProperty("authschema.password", System.getenv("AUTHSCHEMA_PASSWORD")));
            }
            return new ClosingPostgres(builder.start());
        }, ClosingPostgres.class).postgres;
    }

    /** Store values JUnit closes when their scope ends. */
    private static final class ClosingPostgres implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final SupabasePostgres postgres;

        ClosingPostgres(SupabasePostgres postgres) {
            this.postgres = postgres;
        }

        @Override
        public void close() {
            postgres.close();
        }
    }

    private static final class ClosingDatabase implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final SupabaseDatabase db;

        ClosingDatabase(SupabaseDatabase db) {
            this.db = db;
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
