package io.github.authschema.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The schema the migrations produced, as the rules see it, plus where each object came from.
 * Platform objects (auth, storage, extensions, realtime) are present so rules can follow references
 * into them, but {@link #isProjectTable} says which tables are the project's own.
 */
public final class Catalog {
    /** Schemas the emulated platform creates; objects there are not the project's unless a migration touched them. */
    public static final Set<String> PLATFORM_SCHEMAS = Set.of("auth", "storage", "extensions", "realtime", "supabase_migrations",
            "supabase_functions", "graphql", "graphql_public", "vault", "pgsodium", "net", "cron", "authschema_platform", "authschema_trace");

    private final Map<String, Table> tables;
    private final List<ForeignKey> foreignKeys;
    private final List<Index> indexes;
    private final List<Policy> policies;
    private final List<Trigger> triggers;
    private final List<Function> functions;
    private final List<View> views;
    private final Map<String, String> extensions;
    private final List<CheckConstraint> checks;
    private final Origins origins;
    private final Set<String> exposedSchemas;
    private final Map<List<String>, List<Index>> indexesByTable;
    private final Map<List<String>, List<Policy>> policiesByTable;
    private final Map<List<String>, List<ForeignKey>> foreignKeysByTarget;

    public Catalog(Map<String, Table> tables, List<ForeignKey> foreignKeys, List<Index> indexes, List<Policy> policies,
                   List<Trigger> triggers, List<Function> functions, List<View> views, Map<String, String> extensions,
                   List<CheckConstraint> checks, Origins origins, Set<String> exposedSchemas) {
        this.tables = tables;
        this.foreignKeys = foreignKeys;
        this.indexes = indexes;
        this.policies = policies;
        this.triggers = triggers;
        this.functions = functions;
        this.views = views;
        this.extensions = extensions;
        this.checks = checks;
        this.origins = origins;
        this.exposedSchemas = Set.copyOf(exposedSchemas);
        // rules ask per table; with a thousand tables a scan per question adds up
        this.indexesByTable = indexes.stream().collect(Collectors.groupingBy(i -> List.of(i.schema(), i.table())));
        this.policiesByTable = policies.stream().collect(Collectors.groupingBy(p -> List.of(p.schema(), p.table())));
        this.foreignKeysByTarget = foreignKeys.stream().collect(Collectors.groupingBy(fk -> List.of(fk.targetSchema(), fk.targetTable())));
    }

    public Optional<Table> table(String schema, String name) {
        return Optional.ofNullable(tables.get(schema + "." + name));
    }

    /** The project's own tables: outside the platform schemas, and not Flyway's history. */
    public List<Table> projectTables() {
        return tables.values().stream().filter(this::isProjectTable).collect(Collectors.toList());
    }

    public boolean isProjectTable(Table t) {
        return isProjectObject(t.schema(), Ident.qualified(t.schema(), t.name())) && !t.name().equals("flyway_schema_history");
    }

    /** An object outside the platform schemas, or one a migration created or changed. */
    public boolean isProjectObject(String schema, String identity) {
        return !PLATFORM_SCHEMAS.contains(schema) || origins.touched(identity);
    }

    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /** Foreign keys declared on project tables. */
    public List<ForeignKey> projectForeignKeys() {
        return foreignKeys.stream().filter(fk -> table(fk.schema(), fk.table()).map(this::isProjectTable).orElse(false))
                .collect(Collectors.toList());
    }

    public List<ForeignKey> foreignKeysTo(String schema, String table) {
        return new ArrayList<>(foreignKeysByTarget.getOrDefault(List.of(schema, table), List.of()));
    }

    public List<Index> indexesOn(String schema, String table) {
        return new ArrayList<>(indexesByTable.getOrDefault(List.of(schema, table), List.of()));
    }

    public List<Policy> policies() {
        return policies;
    }

    public List<Policy> policiesOn(String schema, String table) {
        return new ArrayList<>(policiesByTable.getOrDefault(List.of(schema, table), List.of()));
    }

    public List<Trigger> triggers() {
        return triggers;
    }

    public List<Function> functions() {
        return functions;
    }

    public Optional<Function> function(String schema, String name) {
        return functions.stream().filter(f -> f.schema().equals(schema) && f.name().equals(name)).findFirst();
    }

    public List<View> views() {
        return views;
    }

    /** Extensions installed in public, plpgsql excepted (it lives there in every database). */
    public List<String> extensionsInPublic() {
        return extensions.entrySet().stream().filter(e -> e.getValue().equals("public") && !e.getKey().equals("plpgsql"))
                .map(Map.Entry::getKey).collect(Collectors.toList());
    }

    /** Whether the Data API serves the schema: config.toml's [api] schemas, public and graphql_public by default. */
    public boolean exposed(String schema) {
        return exposedSchemas.contains(schema);
    }

    public Set<String> exposedSchemas() {
        return exposedSchemas;
    }

    public boolean hasExtension(String name) {
        return extensions.containsKey(name);
    }

    public List<CheckConstraint> checks() {
        return checks;
    }

    /** Project functions: outside the platform schemas or created by a migration. */
    public List<Function> projectFunctions() {
        return functions.stream().filter(f -> isProjectObject(f.schema(), f.signature())).collect(Collectors.toList());
    }

    /** Project policies, including those a migration put on platform tables such as storage.objects. */
    public List<Policy> projectPolicies() {
        return policies.stream().filter(p -> isProjectObject(p.schema(), Ident.on(p.name(), p.schema(), p.table())))
                .collect(Collectors.toList());
    }

    /**
     * The project policies PostgreSQL applies: a policy on a table whose row-level security is off never
     * runs (that table is reported by the rules about RLS, not by the rules about policy text).
     */
    public List<Policy> enforcedProjectPolicies() {
        return projectPolicies().stream().filter(p -> table(p.schema(), p.table()).map(Table::rowLevelSecurity).orElse(true)).toList();
    }

    public Origins origins() {
        return origins;
    }

    /**
     * The project's objects as comparable lines: tables and columns with types, foreign keys with
     * their delete action, indexes, policies, triggers and functions. Two databases built from the
     * same migrations give the same lines; what differs is drift.
     */
    public SortedSet<String> summary() {
        SortedSet<String> lines = new TreeSet<>();
        for (Table t : projectTables()) {
            lines.add("table " + t.qualifiedName() + (t.rowLevelSecurity() ? " rls" : ""));
            for (Column c : t.columns()) {
                lines.add("column " + t.qualifiedName() + "." + c.name() + " " + c.type() + (c.notNull() ? " not null" : ""));
            }
        }
        for (ForeignKey fk : projectForeignKeys()) {
            lines.add("foreign key " + fk.objectName() + " -> " + fk.qualifiedTarget() + fk.targetColumns() + " on delete " + fk.onDeleteText());
        }
        for (Index i : indexes) {
            if (table(i.schema(), i.table()).map(this::isProjectTable).orElse(false)) {
                lines.add("index " + i.schema() + "." + i.name() + " " + i.definitionWithoutName());
            }
        }
        for (Policy p : projectPolicies()) {
            lines.add("policy " + p.objectName() + " " + p.command() + " " + p.roles() + " using " + p.using() + " check " + p.withCheck());
        }
        for (Trigger t : triggers) {
            if (isProjectObject(t.schema(), Ident.on(t.name(), t.schema(), t.table())) || !PLATFORM_SCHEMAS.contains(t.functionSchema())) {
                lines.add("trigger " + t.objectName() + " " + t.timing() + " " + t.events() + " " + t.function());
            }
        }
        for (Function f : projectFunctions()) {
            lines.add("function " + f.signature() + (f.securityDefiner() ? " security definer" : "") + " " + f.config());
        }
        return lines;
    }

    // ------------------------------------------------------------- where findings point

    public Location locate(Table t) {
        return origins.created(Ident.qualified(t.schema(), t.name()));
    }

    /** The statement that declared the key: an ALTER TABLE naming it, else the CREATE TABLE's column line. */
    public Location locate(ForeignKey fk) {
        String table = Ident.qualified(fk.schema(), fk.table());
        Pattern named = Pattern.compile("(?i)\\b" + Pattern.quote(fk.name()) + "\\b");
        Location byName = origins.find(table, named);
        if (byName.line() > 0 && !byName.equals(origins.created(table))) {
            return byName;
        }
        String column = Pattern.quote(fk.columns().get(0));
        Pattern decl = Pattern.compile("(?is)(\\b" + column + "\\b[^,;]*?\\breferences\\b|"
                + "foreign\\s+key\\s*\\(\\s*\"?" + column + "\"?)");
        return origins.find(table, decl);
    }

    public Location locate(Policy p) {
        return origins.created(Ident.on(p.name(), p.schema(), p.table()));
    }

    public Location locate(Trigger t) {
        return origins.created(Ident.on(t.name(), t.schema(), t.table()));
    }

    public Location locate(Function f) {
        return origins.created(f.signature());
    }

    /** The CREATE INDEX, or for the index behind a UNIQUE or PRIMARY KEY constraint, the statement that declared it. */
    public Location locateIndex(String schema, String table, String name) {
        Location made = origins.created(Ident.qualified(schema, name));
        return made.known() ? made : origins.find(Ident.qualified(schema, table),
                Pattern.compile("(?i)\\b" + Pattern.quote(name) + "\\b|\\bunique\\b|\\bprimary\\s+key\\b"));
    }

    public Location locateView(View v) {
        return origins.created(Ident.qualified(v.schema(), v.name()));
    }

    /** A table-level statement that mentions {@code pattern}, else where the table was created. */
    public Location locate(Table t, Pattern pattern) {
        return origins.find(Ident.qualified(t.schema(), t.name()), pattern);
    }
}
