package io.github.authschema.testkit;

import org.apiguardian.api.API;
import java.util.Map;
import java.util.UUID;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A user as the auth service sees it after a flow: the {@code auth.users} row's identity columns,
 * its metadata, and the session the flow opened (null when none was).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record AuthUser(UUID id, String email, String phone, boolean isAnonymous,
                       Map<String, Object> appMetadata, Map<String, Object> userMetadata, UUID sessionId) {
}
