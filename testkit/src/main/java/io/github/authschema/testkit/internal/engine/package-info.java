/**
 * Servers the kit runs on (embedded, container, external), their databases and JDBC plumbing.
 *
 * <p>Internal: the plugin and the kit's own classes use it; tests should not. It changes without notice.
 */
@API(status = INTERNAL, since = "0.1")
package io.github.authschema.testkit.internal.engine;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;
