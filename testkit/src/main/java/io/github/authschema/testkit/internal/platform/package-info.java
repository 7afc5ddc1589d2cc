/**
 * The emulated Supabase platform: roles, the auth schema and the auth service's flows.
 *
 * <p>Internal: the plugin and the kit's own classes use it; tests should not. It changes without notice.
 */
@API(status = INTERNAL, since = "0.1")
package io.github.authschema.testkit.internal.platform;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;
