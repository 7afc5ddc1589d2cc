package io.github.authschema.verify;

import io.github.authschema.report.ConsoleReport;
import io.github.authschema.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A legacy folder with failing migrations: by default the first failure stops; continueOnError lists them all. */
class ContinueOnErrorTest {
    @TempDir
    Path project;

    private VerifyResult verify(boolean continueOnError) throws Exception {
        Path d = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(d.resolve("20240101000000_ok.sql"), "create table public.a (id bigint primary key);\n");
        Files.writeString(d.resolve("20240102000000_typo.sql"), "create tabel public.b (id bigint primary key);\n");
        Files.writeString(d.resolve("20240103000000_orders.sql"), "create table public.orders (id bigint primary key,\n"
                + "  user_id uuid not null references auth.users (id));\nalter table public.orders enable row level security;\n");
        Files.writeString(d.resolve("20240104000000_dup.sql"), "create table public.a (id bigint primary key);\n");
        return new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(project).shareServer(true).continueOnError(continueOnError));
    }

    private static List<String> rules(VerifyResult result) {
        return result.findings().stream().map(Finding::rule).filter(r -> r.equals("migration-fails") || r.equals("auth-fk-missing-cascade"))
                .toList();
    }

    @Test
    void byDefaultTheFirstFailureStopsAndTheSummarySaysHowFarItGot() throws Exception {
        VerifyResult result = verify(false);
        assertEquals(List.of("migration-fails"), rules(result));
        assertTrue(ConsoleReport.summary(result.report(result.findings())).contains("in the schema after 1 of 4 migrations"),
                ConsoleReport.summary(result.report(result.findings())));
    }

    @Test
    void continueOnErrorRollsEachFailureBackAndAppliesTheRest() throws Exception {
        VerifyResult result = verify(true);
        assertEquals(2, result.migrationFailures().size(), result.migrationFailures().toString());
        assertEquals("supabase/migrations/20240102000000_typo.sql", result.migrationFailures().get(0).file().displayPath());
        assertEquals("supabase/migrations/20240104000000_dup.sql", result.migrationFailures().get(1).file().displayPath());
        assertEquals(List.of("migration-fails", "migration-fails", "auth-fk-missing-cascade").stream().sorted().toList(),
                rules(result).stream().sorted().toList(), "the third migration was applied and checked");
        assertTrue(ConsoleReport.summary(result.report(result.findings())).contains("in the schema after 2 of 4 migrations"),
                ConsoleReport.summary(result.report(result.findings())));
    }
}
