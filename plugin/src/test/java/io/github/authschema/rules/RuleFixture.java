package io.github.authschema.rules;

import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;
import io.github.authschema.verify.Verifier;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the whole verifier on fixture migrations under {@code src/test/resources/rules/<rule-id>/}:
 * {@code violating/} must be reported, {@code clean/} must not, and {@code violating/} plus
 * {@code fix/} (a later migration that repairs it) must not either.
 */
final class RuleFixture {
    private final String ruleId;

    RuleFixture(String ruleId) {
        this.ruleId = ruleId;
    }

    VerifyResult verify(String... dirs) {
        Path base = resourceRoot();
        VerifyConfig config = new VerifyConfig(base).shareServer(true)
                .locations(Arrays.stream(dirs).map(d -> "filesystem:rules/" + ruleId + "/" + d).collect(Collectors.toList()));
        return new Verifier(VerifyLog.SILENT).verify(config);
    }

    List<Finding> findings(String... dirs) {
        return verify(dirs).findings().stream().filter(f -> f.rule().equals(ruleId)).collect(Collectors.toList());
    }

    static Path resourceRoot() {
        try {
            return Paths.get(RuleFixture.class.getResource("/rules").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
