package io.github.authschema.verify;

import io.github.authschema.InvalidInputException;
import io.github.authschema.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeds as supabase db reset applies them (supabase/cli internal/migration/apply applySeedFiles):
 * supabase/seed.sql, or [db.seed] sql_paths of config.toml, after the migrations, as postgres.
 */
class SeedsTest {
    private static final String PROFILES = "create table public.profiles (id uuid primary key references auth.users (id) on delete cascade, "
            + "name text not null);\nalter table public.profiles enable row level security;\n"
            + "grant select on public.profiles to authenticated;\n";
    private static final String SEED_USER = "insert into auth.users (instance_id, id, aud, role, email) values "
            + "('00000000-0000-0000-0000-000000000000', '11111111-1111-1111-1111-111111111111', 'authenticated', 'authenticated', "
            + "'seed@example.com');\n";

    @TempDir
    Path project;

    private VerifyResult verify(VerifyConfig config) {
        return new Verifier(VerifyLog.SILENT).verify(config.shareServer(true));
    }

    private void migrations() throws Exception {
        Path d = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(d.resolve("20240101000000_profiles.sql"), PROFILES);
    }

    @Test
    void aSeedThatInsertsIntoAuthUsersApplies() throws Exception {
        migrations();
        Files.writeString(project.resolve("supabase/seed.sql"), SEED_USER
                + "insert into public.profiles (id, name) values ('11111111-1111-1111-1111-111111111111', 'Seed');\n");
        VerifyResult result = verify(new VerifyConfig(project));
        assertTrue(result.migrationFailure().isEmpty(), result.migrationFailure().toString());
    }

    @Test
    void aFailingSeedIsReportedAtItsFileAndLine() throws Exception {
        migrations();
        Files.writeString(project.resolve("supabase/seed.sql"), SEED_USER
                + "\ninsert into public.profiles (id) values ('11111111-1111-1111-1111-111111111111');\n");
        List<Finding> failed = verify(new VerifyConfig(project)).findings().stream().filter(f -> f.rule().equals("migration-fails")).toList();
        assertEquals(1, failed.size(), failed.toString());
        assertEquals("supabase/seed.sql", failed.get(0).location().file());
        assertEquals(3, failed.get(0).location().line());
        assertTrue(failed.get(0).message().contains("23502"), failed.get(0).message());
        assertTrue(verify(new VerifyConfig(project).seed(false)).migrationFailure().isEmpty(), "seed=false applies no seed");
    }

    @Test
    void configTomlSeedPathsAreGlobsInTheirOrder() throws Exception {
        migrations();
        Path seeds = Files.createDirectories(project.resolve("supabase/seeds"));
        Files.writeString(seeds.resolve("01_users.sql"), SEED_USER);
        Files.writeString(seeds.resolve("02_profiles.sql"), "insert into public.profiles (id, name) values "
                + "('11111111-1111-1111-1111-111111111111', 'Seed');\n");
        Files.writeString(project.resolve("supabase/seed.sql"), "select 1/0;\n");
        Files.writeString(project.resolve("supabase/config.toml"), "[db.seed]\nenabled = true\nsql_paths = [\"./seeds/*.sql\"]\n");
        assertTrue(verify(new VerifyConfig(project)).migrationFailure().isEmpty(), "seeds/*.sql, in name order, and not seed.sql");
    }

    @Test
    void nothingToVerifyIsAnErrorNotAPass() throws Exception {
        Files.createDirectories(project.resolve("supabase/migrations"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> verify(new VerifyConfig(project)));
        assertTrue(e.getMessage().startsWith("No migration files in filesystem:supabase/migrations"), e.getMessage());
    }
}
