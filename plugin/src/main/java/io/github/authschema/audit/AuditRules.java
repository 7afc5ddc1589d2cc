package io.github.authschema.audit;

import io.github.authschema.rules.Rule;

import java.util.List;

/** The data checks of authschema:audit. */
public final class AuditRules {
    private AuditRules() {
    }

    public static List<Rule> all() {
        return List.of(new OrphanedUserRows(), new MissingProfile(), new UserIdMismatch(), new PhoneNotNormalized(),
                new SoftDeletedUserData());
    }
}
