package io.github.authschema.testkit.internal.migrate;

import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.engine.PostgresError;
import io.github.authschema.testkit.internal.platform.SupabaseConfig;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The seed files {@code supabase db reset} applies after the migrations (supabase/cli
 * internal/migration/apply applySeedFiles): {@code [db.seed] sql_paths} of config.toml, globs relative
 * to supabase/, each sorted, in the order listed; {@code supabase/seed.sql} without one.
 */
public final class Seeds {
    private Seeds() {
    }

    /** The seed files of the project, or none when {@code [db.seed] enabled = false} or no file matches. */
    public static List<MigrationFile> find(Path projectDir, SupabaseConfig config) {
        if (!config.bool(SupabaseConfig.SEED_ENABLED, null, true).value()) {
            return List.of();
        }
        Path supabase = projectDir.resolve("supabase");
        List<Path> found = new ArrayList<>();
        for (String pattern : config.seedPaths()) {
            String relative = pattern.startsWith("./") ? pattern.substring(2) : pattern;
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relative);
            if (!Files.isDirectory(supabase)) {
                break;
            }
            try (Stream<Path> all = Files.walk(supabase)) {
                all.filter(Files::isRegularFile).filter(p -> matcher.matches(supabase.relativize(p))).sorted()
                        .filter(p -> !found.contains(p)).forEach(found::add);
            } catch (IOException e) {
                throw new SupabaseKitException("Cannot look for seed files under " + supabase + ": " + e.getMessage(), e);
            }
        }
        List<MigrationFile> seeds = new ArrayList<>();
        for (Path p : found) {
            String display = projectDir.relativize(p).toString().replace('\\', '/');
            try {
                seeds.add(new MigrationFile(p, display, "seed", p.getFileName().toString(), MigrationLayout.SUPABASE,
                        Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new SupabaseKitException("Cannot read the seed file " + display + ": " + e.getMessage(), e);
            }
        }
        return seeds;
    }

    /** Applies each seed in its own transaction as the data source's role; the first failure stops, with its line. */
    public static Optional<MigrationFailure> apply(DataSource ds, List<MigrationFile> seeds) {
        for (MigrationFile seed : seeds) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                for (SqlStatements.Located statement : SqlStatements.locate(seed.sql())) {
                    try {
                        s.execute(statement.sql());
                    } catch (SQLException e) {
                        c.rollback();
                        PostgresError error = PostgresError.of(e);
                        return Optional.of(new MigrationFailure(seed, statement.line(), statement.sql(), error.sqlState(), error.explained()));
                    }
                }
                c.commit();
            } catch (SQLException e) {
                throw new SupabaseKitException("Could not apply the seed " + seed.displayPath() + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }
}
