package io.github.authschema.catalog;

/** A view or materialized view, with what splinter's view lints look at. */
public record View(String schema, String name, boolean materialized, boolean securityInvoker, boolean readsAuthUsers,
                   boolean selectableByApiRoles) {
}
