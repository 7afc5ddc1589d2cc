package io.github.authschema.audit;

import io.github.authschema.rules.Rule;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The data checks of authschema:audit. */
public final class AuditRules {
    private AuditRules() {
    }

    public static Set<String> ids() {
        return all().stream().map(Rule::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static List<Rule> all() {
        return List.of(new OrphanedUserRows(), new MissingProfile(), new UserIdMismatch(), new PhoneNotNormalized(),
                new SoftDeletedUserData());
    }
}
