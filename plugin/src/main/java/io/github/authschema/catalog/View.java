package io.github.authschema.catalog;

/** A view, materialized view or foreign table: a relation without row-level security, with what splinter's lints look at. */
public record View(String schema, String name, Kind kind, boolean securityInvoker, boolean readsAuthUsers, boolean selectableByAnon,
                   boolean selectableByAuthenticated) {

    public enum Kind { VIEW, MATERIALIZED, FOREIGN_TABLE }

    public boolean selectableByApiRoles() {
        return selectableByAnon || selectableByAuthenticated;
    }

    public boolean materialized() {
        return kind == Kind.MATERIALIZED;
    }

    public boolean plainView() {
        return kind == Kind.VIEW;
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
