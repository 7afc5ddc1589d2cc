package io.github.authschema.rules.engine;

import io.github.authschema.InvalidInputException;
import io.github.authschema.catalog.Location;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineTest {
    @TempDir
    Path dir;

    private static Finding finding(String rule, String object, int line) {
        return new Finding(rule, Severity.ERROR, object, new Location("supabase/migrations/1_a.sql", line), "m", "f");
    }

    @Test
    void reportsOnlyNewFindingsAndTheAcceptedOnesNowFixed() throws Exception {
        Path file = dir.resolve("authschema-baseline.json");
        Baseline.of(List.of(finding("auth-fk-missing-cascade", "public.orders.orders_user_id_fkey", 3),
                finding("missing-primary-key", "public.log", 9))).write(file);

        Baseline accepted = Baseline.read(file);
        // the old finding moved two lines down: still accepted; a new one appeared; the other was fixed
        List<Finding> now = List.of(finding("auth-fk-missing-cascade", "public.orders.orders_user_id_fkey", 5),
                finding("auth-fk-missing-cascade", "public.notes.notes_user_id_fkey", 12));
        assertEquals(List.of(now.get(1)), accepted.newFindings(now));
        assertEquals(List.of("[missing-primary-key] public.log"), accepted.fixed(now));
    }

    @Test
    void aBrokenBaselineSaysHowToRecover() throws Exception {
        Path file = dir.resolve("authschema-baseline.json");
        Files.writeString(file, "{ not json");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().contains("mvn authschema:baseline"), e.getMessage());
    }
}
