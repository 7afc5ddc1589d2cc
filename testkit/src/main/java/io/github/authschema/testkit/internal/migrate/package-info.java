/**
 * Reading migration folders and applying them with Flyway, with each failure's file and line.
 *
 * <p>Internal: the plugin and the kit's own classes use it; tests should not. It changes without notice.
 */
@API(status = INTERNAL, since = "0.1")
package io.github.authschema.testkit.internal.migrate;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;
