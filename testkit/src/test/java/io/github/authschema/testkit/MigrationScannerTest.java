package io.github.authschema.testkit;

import io.github.authschema.testkit.internal.migrate.MigrationFile;
import io.github.authschema.testkit.internal.migrate.MigrationLayout;
import io.github.authschema.testkit.internal.migrate.MigrationScanner;
import io.github.authschema.testkit.internal.migrate.MigrationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationScannerTest {
    @TempDir
    Path project;

    private Path dir(String path) throws Exception {
        return Files.createDirectories(project.resolve(path));
    }

    @Test
    void supabaseLayoutIsOrderedByNameAndNamesTheFilesTheCliSkips() throws Exception {
        Path d = dir("supabase/migrations");
        Files.writeString(d.resolve("20240201000000_second.sql"), "select 2;");
        Files.writeString(d.resolve("20240101000000_first.sql"), "select 1;");
        Files.writeString(d.resolve("2025-01-01-uuid.sql"), "select 3;");
        MigrationScanner scanner = new MigrationScanner(project);

        assertEquals(List.of("filesystem:supabase/migrations"), scanner.detectDefaultLocations());
        MigrationSet set = scanner.scan(scanner.detectDefaultLocations());
        assertEquals(List.of("supabase/migrations/20240101000000_first.sql", "supabase/migrations/20240201000000_second.sql"),
                set.files().stream().map(MigrationFile::displayPath).collect(Collectors.toList()));
        assertEquals(MigrationLayout.SUPABASE, set.files().get(0).layout());
        assertEquals(1, set.warnings().size());
        assertTrue(set.warnings().get(0).contains("supabase/migrations/2025-01-01-uuid.sql"), set.warnings().get(0));
    }

    @Test
    void flywayLayoutIsOrderedByVersion() throws Exception {
        Path d = dir("src/main/resources/db/migration");
        Files.writeString(d.resolve("V10__ten.sql"), "select 10;");
        Files.writeString(d.resolve("V2__two.sql"), "select 2;");
        Files.writeString(d.resolve("V1.1__one_one.sql"), "select 1;");
        MigrationSet set = new MigrationScanner(project).scan(List.of("filesystem:src/main/resources/db/migration"));
        assertEquals(List.of("1.1", "2", "10"), set.files().stream().map(MigrationFile::version).collect(Collectors.toList()));
    }

    @Test
    void twoFilesWithOneVersionAreNamedBoth() throws Exception {
        Path d = dir("db");
        Files.writeString(d.resolve("V1__a.sql"), "select 1;");
        Files.writeString(d.resolve("V1.0__b.sql"), "select 1;");
        SupabaseKitException e = assertThrows(SupabaseKitException.class, () -> new MigrationScanner(project).scan(List.of("db")));
        assertTrue(e.getMessage().contains("db/V1__a.sql") && e.getMessage().contains("db/V1.0__b.sql"), e.getMessage());
    }

    @Test
    void binaryAndInvalidUtf8FilesAreRejectedByName() throws Exception {
        Path d = dir("bin");
        Files.write(d.resolve("V1__zip.sql"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x01});
        SupabaseKitException e = assertThrows(SupabaseKitException.class, () -> new MigrationScanner(project).scan(List.of("bin")));
        assertTrue(e.getMessage().startsWith("bin/V1__zip.sql is not a text file"), e.getMessage());

        Path latin = dir("latin1");
        Files.write(latin.resolve("V1__latin.sql"), "select 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(SupabaseKitException.class, () -> new MigrationScanner(project).scan(List.of("latin1")));
        assertTrue(e.getMessage().startsWith("latin1/V1__latin.sql is not valid UTF-8"), e.getMessage());
    }

    @Test
    void emptyFileIsAppliedWithAWarning() throws Exception {
        Path d = dir("empty");
        Files.writeString(d.resolve("V1__nothing.sql"), "");
        MigrationSet set = new MigrationScanner(project).scan(List.of("empty"));
        assertEquals(1, set.files().size());
        assertTrue(set.warnings().get(0).contains("empty/V1__nothing.sql is empty"), set.warnings().toString());
    }

    @Test
    void missingLocationSaysWhereItLooked() {
        SupabaseKitException e = assertThrows(SupabaseKitException.class,
                () -> new MigrationScanner(project).scan(List.of("filesystem:nope/migrations")));
        assertTrue(e.getMessage().startsWith("Migration location filesystem:nope/migrations does not exist"), e.getMessage());
    }

    @Test
    void lovableNamesAreAppliedInNameOrderWithOneWarning() throws Exception {
        Path d = dir("supabase/migrations");
        Files.writeString(d.resolve("20250102090000-9b2f6c1e-1111-4a4a-9c9c-222222222222.sql"), "select 2;");
        Files.writeString(d.resolve("20250101090000-0a1b2c3d-3333-4b4b-8d8d-444444444444.sql"), "select 1;");
        MigrationSet set = new MigrationScanner(project).scan(List.of("filesystem:supabase/migrations"));
        assertEquals(List.of("20250101090000", "20250102090000"), set.files().stream().map(MigrationFile::version).collect(Collectors.toList()));
        assertEquals(1, set.warnings().size(), set.warnings().toString());
        assertTrue(set.warnings().get(0).contains("supabase db push skips such names"), set.warnings().get(0));
    }

    @Test
    void aFolderOfSqlFilesNoneOfWhichWouldBeAppliedIsAnErrorNotASilentPass() throws Exception {
        Path d = dir("db/sql");
        Files.writeString(d.resolve("create_tables.sql"), "create table t (id int);");
        Files.writeString(d.resolve("policies.sql"), "select 1;");
        SupabaseKitException e = assertThrows(SupabaseKitException.class, () -> new MigrationScanner(project).scan(List.of("db/sql")));
        assertTrue(e.getMessage().startsWith("None of the 2 .sql files in db/sql is named as a migration"), e.getMessage());
        assertTrue(e.getMessage().contains("create_tables.sql"), e.getMessage());
    }

    @Test
    void aSupabaseMigrationsFolderIsTheClisWhateverItsFilesAreCalled() throws Exception {
        Path d = dir("supabase/migrations");
        Files.writeString(d.resolve("V1__flyway_style.sql"), "select 1;");
        Files.writeString(d.resolve("20240101000000_cli_style.sql"), "select 2;");
        MigrationSet set = new MigrationScanner(project).scan(List.of("filesystem:supabase/migrations"));
        assertEquals(MigrationLayout.SUPABASE, set.files().get(0).layout());
        assertEquals(1, set.files().size());
        assertTrue(set.warnings().get(0).contains("V1__flyway_style.sql is skipped"), set.warnings().toString());
    }
}
