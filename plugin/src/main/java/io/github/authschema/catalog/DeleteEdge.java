package io.github.authschema.catalog;

import java.io.Serializable;

/** One foreign key on the paths a user delete travels from auth.users; blocked when it stops the delete. */
public record DeleteEdge(String from, String to, String constraint, String action, boolean blocked) implements Serializable {
}
