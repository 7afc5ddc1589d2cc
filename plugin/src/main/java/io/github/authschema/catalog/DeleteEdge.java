package io.github.authschema.catalog;

/** One foreign key on the paths a user delete travels from auth.users; blocked when it stops the delete. */
public record DeleteEdge(String from, String to, String constraint, String action, boolean blocked) {
}
