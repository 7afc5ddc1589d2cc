package io.github.authschema.sample;

import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;
import io.github.authschema.verify.Verifier;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** broken/ is the same app as teams often first write it; the verifier names each mistake. */
class BrokenAppTest {

    @Test
    void theVerifierFailsWithExactlyTheSixClassicMistakes() {
        VerifyResult result = new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(Paths.get("broken")).shareServer(true));
        Set<String> rules = result.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::rule)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("auth-fk-missing-cascade", "fk-to-shadow-users", "if-not-exists-skipped",
                "nullable-primary-key", "rls-cross-user-read", "signup-trigger-fails")), rules, result.findings().toString());
        for (Finding f : result.findings()) {
            assertTrue(f.location().file().startsWith("supabase/migrations/"), f.toString());
        }
    }

    @Test
    void theSampleAppItselfIsClean() {
        VerifyResult result = new Verifier(VerifyLog.SILENT).verify(new VerifyConfig(Paths.get("")).shareServer(true));
        assertEquals(List.of(), result.findings());
    }
}
