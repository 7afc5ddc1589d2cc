package io.github.authschema.release;

import io.github.authschema.rules.Severity;
import io.github.authschema.rules.engine.Baseline;
import io.github.authschema.rules.engine.BuildGate;
import io.github.authschema.testkit.internal.engine.Jdbc;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second PostgreSQL with the platform plays the production database that migrate releases to. */
class MigratorTest {
    private static final String PROFILES = "create table public.profiles (id uuid primary key references auth.users (id) on delete cascade, name text);\n"
            + "alter table public.profiles enable row level security;\n"
            + "create policy \"profiles: own\" on public.profiles for select to authenticated using ((select auth.uid()) = id);\n";
    private static final String NOTES = "create table public.notes (id bigint generated always as identity primary key,\n"
            + "  user_id uuid not null references auth.users (id) on delete cascade, body text);\n"
            + "create index notes_user_id_idx on public.notes (user_id);\n"
            + "alter table public.notes enable row level security;\n"
            + "create policy \"notes: own\" on public.notes for all to authenticated using ((select auth.uid()) = user_id);\n";

    @TempDir
    Path project;

    private MigrateResult migrate(String db, boolean dryRun) {
        return migrate(db, dryRun, new BuildGate(Severity.ERROR, Optional.empty()));
    }

    private MigrateResult migrate(String db, boolean dryRun, BuildGate gate) {
        VerifyConfig config = new VerifyConfig(project).shareServer(true);
        return new Migrator(VerifyLog.SILENT).migrate(config, Production.credentials(db), gate,
                Migrator.Options.defaults().dryRun(dryRun));
    }

    private <T extends MigrateResult> T migrate(String db, boolean dryRun, Class<T> expected) {
        MigrateResult result = migrate(db, dryRun);
        return assertInstanceOf(expected, result, result.toString());
    }

    private Path write(String dir, String name, String sql) throws Exception {
        Path d = Files.createDirectories(project.resolve(dir));
        return Files.writeString(d.resolve(name), sql);
    }

    @Test
    void appliesPendingCliMigrationsRecordsCliHistoryAndIsIdempotent() throws Exception {
        write("supabase/migrations", "20250101000000_profiles.sql", PROFILES);
        write("supabase/migrations", "20250102000000_notes.sql", NOTES);
        String db = Production.target(null);

        MigrateResult.Applied first = migrate(db, false, MigrateResult.Applied.class);
        assertEquals(List.of("supabase/migrations/20250101000000_profiles.sql", "supabase/migrations/20250102000000_notes.sql"), first.applied());
        assertEquals(List.of("20250101000000|profiles|3", "20250102000000|notes|4"), Production.column(db,
                "select version || '|' || name || '|' || array_length(statements, 1) from supabase_migrations.schema_migrations order by 1"));
        assertEquals(List.of(), first.drift().onlyInTarget(), "no drift right after a release");
        assertEquals(List.of(), first.drift().onlyInMigrations());

        assertEquals(List.of(), migrate(db, true, MigrateResult.DryRun.class).pending());
        assertEquals(List.of(), migrate(db, false, MigrateResult.Applied.class).applied());
    }

    @Test
    void refusesWhenVerificationFailsAndTouchesNothing() throws Exception {
        write("supabase/migrations", "20250101000000_orders.sql",
                "create table public.orders (id bigint primary key, user_id uuid not null references auth.users (id));\n"
                        + "alter table public.orders enable row level security;\n");
        String db = Production.target(null);
        MigrateResult.Refused result = migrate(db, false, MigrateResult.Refused.class);
        assertTrue(result.verification().findings().stream().anyMatch(f -> f.rule().equals("auth-fk-missing-cascade")));
        assertEquals(List.of("false"), Production.column(db, "select (to_regclass('supabase_migrations.schema_migrations') is not null)::text"));
        assertEquals(List.of("false"), Production.column(db, "select (to_regclass('public.orders') is not null)::text"));
    }

    @Test
    void aBaselineThatAcceptsTheFindingsLetsTheReleaseThrough() throws Exception {
        write("supabase/migrations", "20250101000000_orders.sql",
                "create table public.orders (id bigint primary key, user_id uuid not null references auth.users (id));\n"
                        + "alter table public.orders enable row level security;\n");
        String db = Production.target(null);
        MigrateResult refused = migrate(db, true);
        BuildGate accepting = new BuildGate(Severity.ERROR, Optional.of(Baseline.of(refused.verification().findings())));

        MigrateResult.Applied result = assertInstanceOf(MigrateResult.Applied.class, migrate(db, false, accepting));
        assertEquals(List.of("supabase/migrations/20250101000000_orders.sql"), result.applied());
        assertTrue(result.verdict().accepted() > 0, result.verdict().toString());
        assertEquals(List.of("true"), Production.column(db, "select (to_regclass('public.orders') is not null)::text"));
    }

    @Test
    void dryRunListsPendingAndWritesNothing() throws Exception {
        write("supabase/migrations", "20250101000000_profiles.sql", PROFILES);
        String db = Production.target(null);
        MigrateResult.DryRun result = migrate(db, true, MigrateResult.DryRun.class);
        assertEquals(List.of("supabase/migrations/20250101000000_profiles.sql"), result.pending());
        assertEquals(List.of("false"), Production.column(db, "select (to_regclass('public.profiles') is not null)::text"));
    }

    @Test
    void detectsEditedMissingAndOutOfOrderMigrationsAndHandMadeDrift() throws Exception {
        Path profiles = write("supabase/migrations", "20250101000000_profiles.sql", PROFILES);
        write("supabase/migrations", "20250103000000_notes.sql", NOTES);
        String db = Production.target(null);
        migrate(db, false);
        try (Connection c = Jdbc.as(Production.server(), db, "postgres"); Statement s = c.createStatement()) {
            s.execute("create table public.made_in_the_dashboard (id bigint primary key)");
        }
        Files.writeString(profiles, PROFILES + "alter table public.profiles add column avatar text;\n");
        write("supabase/migrations", "20250102000000_late.sql", "create table public.late (id bigint primary key);\n"
                + "alter table public.late enable row level security;\n");

        MigrateResult.HistoryMismatch result = migrate(db, false, MigrateResult.HistoryMismatch.class);
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("20250101000000_profiles.sql was edited")), result.problems().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("20250102000000_late.sql is older")), result.problems().toString());
        assertTrue(result.drift().onlyInTarget().contains("table public.made_in_the_dashboard"), result.drift().toString());
        assertTrue(result.drift().onlyInMigrations().contains("column public.profiles.avatar text"), result.drift().toString());
        assertEquals(List.of("false"), Production.column(db, "select (to_regclass('public.late') is not null)::text"), "nothing applied");
    }

    @Test
    void flywayLayoutUsesFlywaysHistory() throws Exception {
        write("src/main/resources/db/migration", "V1__profiles.sql", PROFILES);
        write("src/main/resources/db/migration", "V2__notes.sql", NOTES);
        String db = Production.target(null);
        MigrateResult.Applied first = migrate(db, false, MigrateResult.Applied.class);
        assertEquals(2, first.applied().size(), first.toString());
        assertEquals(List.of("1", "2"), Production.column(db, "select version from public.flyway_schema_history where success order by installed_rank"));
        assertEquals(List.of(), migrate(db, true, MigrateResult.DryRun.class).pending());
    }
}
