/**
 * Snapshots of migrated databases and stored results, kept between builds so that work follows the
 * change: inputs are fingerprinted, a migrated cluster is stored under the fingerprint of the
 * migrations it holds, and a later run starts from the longest stored prefix of its own.
 *
 * <p>Internal: the plugin and the kit's own classes use it; tests should not. It changes without notice.
 */
@API(status = INTERNAL, since = "0.1")
package io.github.authschema.testkit.internal.cache;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;
