package io.github.authschema.testkit.internal.platform;

import io.github.authschema.testkit.AccessMatrix;
import io.github.authschema.testkit.AccessMatrix.Actor;
import io.github.authschema.testkit.AccessMatrix.Command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tries row-level security instead of reading it: signs up two users through the auth flows, makes
 * a row that belongs to the first (its owner columns pointing at them, its NOT NULL columns filled
 * with values its checks accept, its parents made first when it belongs through one), then, as
 * PostgREST would act for each (role, JWT claims, search_path), tries to read, insert, update and
 * delete it as the owner, as the second user and as anon. Every attempt runs in a savepoint that is
 * rolled back, and the whole probe in a transaction that is rolled back: the database is left as it was.
 *
 * <p>Only privileges granted count: PostgreSQL refuses an attempt without one before RLS is asked,
 * as the Data API does since 2026.
 */
public final class AccessProbe {
    private static final String UID = "(?:\\(\\s*SELECT\\s+auth\\.uid\\(\\)(?:\\s+AS\\s+\\w+)?\\s*\\)|auth\\.uid\\(\\))(?:::\\w+)?";
    private static final Pattern OWNER_COMPARISON = Pattern.compile("(?i)\"?(\\w+)\"?(?:::\\w+)?\\s*=\\s*" + UID + "|" + UID + "\\s*=\\s*\"?(\\w+)\"?");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern MATCHES = Pattern.compile("~\\*?\\s*'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.'])-?\\d+(?:\\.\\d+)?(?![\\w.])");
    /** A row of alias x as a JSON object of text values, the form parent values are copied in. */
    private static final String ROW_TEXT = "(select jsonb_object_agg(key, value #>> '{}') from jsonb_each(to_jsonb(x)))::text";
    /** How row-making INSERTs end; the actors' INSERTs end before it, as PostgREST's return=minimal does. */
    private static final String RETURNING = " returning ctid::text, " + ROW_TEXT;
    private static final int MAX_ATTEMPTS = 12;
    private static final String DEADLOCK = "40P01";
    private static final int MAX_DEPTH = 3;

    /**
     * What one table's probe found, with the policies that let each reached cell through.
     * {@code contended}: it failed on a deadlock with another session (a probe of other tables beside
     * it), so probing it again alone gives its answer.
     */
    public record Probed(AccessMatrix matrix, Map<Actor, Map<Command, List<String>>> letThrough, boolean contended) {
        Probed(AccessMatrix matrix, Map<Actor, Map<Command, List<String>>> letThrough) {
            this(matrix, letThrough, false);
        }
    }

    private record User(UUID id, String claims) {
    }

    /** {@code generated}: a generated column, or an identity column GENERATED ALWAYS; neither takes a value. */
    private record Column(String name, String type, String baseType, boolean notNull, boolean hasDefault, boolean generated,
                          boolean isEnum) {
    }

    private record ForeignKey(String name, List<String> columns, String target, List<String> targetColumns) {
    }

    private record Constraint(String name, List<String> columns, String definition) {
    }

    private record Policy(String name, boolean permissive, List<String> roles, String command, String using, String withCheck) {
    }

    /** What the probe knows of a table; read once per table per probe. */
    private record Shape(String table, List<Column> columns, List<ForeignKey> foreignKeys, List<Constraint> checks,
                         List<Constraint> uniques, List<Policy> policies, Set<String> ownerColumns) {
        Column column(String name) {
            return columns.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
        }
    }

    /** A row made for the owner: where it is, its values as JSON text, and the INSERT that made it (null if it existed). */
    private record Row(String ctid, Map<String, String> values, String insert) {
    }

    /** Why a row could not be made. */
    private static final class Unmakeable extends Exception {
        Unmakeable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Connection c;
    private final int bcryptCost;
    private final String tag;
    private final Map<String, Shape> shapes = new HashMap<>();
    private final Map<String, Optional<String>> ownership = new HashMap<>();
    /**
     * Tables with no page at all once the users are signed up (a row, even one a trigger of the
     * sign-up wrote, takes a page): they hold no row of the owner, and each table's probe is rolled back
     * before the next, so none is asked for one.
     */
    private final Set<String> neverWritten = new HashSet<>();

    /**
     * Each attempt runs in its own subtransaction, undone by raising a private SQLSTATE: a whole table's
     * attempts then take one round trip, and PostgreSQL's refusals (no privilege, a policy) are data.
     * authschema_attempt acts as PostgREST's preamble does (src/PostgREST/Query/PreQuery.hs: search_path,
     * role, claims, method) and answers the rows the statement touched, 0 when refused;
     * authschema_try answers why a statement fails, or nothing; authschema_holds evaluates a policy
     * expression with the given claims. All are temporary and go with the probe's transaction.
     */
    private static final String HELPERS = """
            create function pg_temp.authschema_attempt(p_role text, p_claims text, p_sql text) returns int language plpgsql as $f$
            declare n int := 0;
            begin
              begin
                perform set_config('search_path', 'public, extensions', true), set_config('role', p_role, true),
                        set_config('request.jwt.claims', p_claims, true), set_config('request.method', 'POST', true);
                execute p_sql;
                get diagnostics n = row_count;
                raise exception using errcode = 'AS001';
              exception when sqlstate 'AS001' then return n;
                        -- another session's lock, not this role's rights: the caller tries the table again alone
                        when deadlock_detected then raise;
                        when others then return 0;
              end;
            end $f$;
            create function pg_temp.authschema_try(p_sql text, out e_state text, out e_constraint text, out e_column text,
                                                  out e_message text) language plpgsql as $f$
            begin
              begin
                execute p_sql;
                raise exception using errcode = 'AS001';
              exception when sqlstate 'AS001' then return;
                        when deadlock_detected then raise;
                        when others then
                get stacked diagnostics e_state = returned_sqlstate, e_constraint = constraint_name, e_column = column_name,
                                        e_message = message_text;
              end;
            end $f$;
            create function pg_temp.authschema_holds(p_claims text, p_sql text) returns boolean language plpgsql as $f$
            declare held boolean;
            begin
              begin
                perform set_config('request.jwt.claims', p_claims, true);
                execute p_sql into held;
                raise exception using errcode = 'AS001';
              exception when sqlstate 'AS001' then return held;
                        when deadlock_detected then raise;
                        when others then return null;
              end;
            end $f$;
            """;
    private static final String ANON_CLAIMS = "{\"role\": \"anon\", \"iss\": \"supabase-demo\"}";
    private static final String SERVICE_CLAIMS = "{\"role\": \"service_role\", \"iss\": \"supabase-demo\"}";

    /** {@code superuser} is a connection to the database as a superuser; the probe rolls back all it does. */
    public AccessProbe(Connection superuser, int bcryptCost) {
        this(superuser, bcryptCost, "");
    }

    /** One of several probes at once, told apart by {@code tag} in its users' e-mail addresses, which are unique. */
    public AccessProbe(Connection superuser, int bcryptCost, String tag) {
        this.c = superuser;
        this.bcryptCost = bcryptCost;
        this.tag = tag;
    }

    /** Probes each table (schema-qualified names). */
    public List<Probed> probe(List<String> tables) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            execute(HELPERS);
            User owner = signUp("rls-probe-owner" + tag + "@authschema.invalid");
            User other = signUp("rls-probe-other" + tag + "@authschema.invalid");
            load(tables);
            List<Probed> out = new ArrayList<>();
            // a savepoint stays after a rollback to it: one for all the tables
            execute("savepoint authschema_probe_table");
            for (String table : tables) {
                try {
                    out.add(probe(table, owner, other));
                } catch (SQLException e) {
                    // one table the probe cannot handle is reported as not probed; the others still are (finally rolls back)
                    out.add(new Probed(new AccessMatrix(table, null, Map.of(), false,
                            "the probe failed on it: " + e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "")), Map.of(),
                            DEADLOCK.equals(e.getSQLState())));
                } finally {
                    execute("rollback to savepoint authschema_probe_table");
                }
            }
            return out;
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private Probed probe(String table, User owner, User other) throws SQLException {
        Shape shape = shape(table);
        String ownedThrough = ownedThrough(table, 0).orElse(null);
        Map<Actor, Set<Command>> allowed = new EnumMap<>(Actor.class);
        Map<Actor, Map<Command, List<String>>> letThrough = new EnumMap<>(Actor.class);
        Map<Actor, Acting> users = new EnumMap<>(Actor.class);
        users.put(Actor.OWNER, new Acting("authenticated", owner.claims));
        users.put(Actor.OTHER_USER, new Acting("authenticated", other.claims));
        users.put(Actor.ANON, new Acting("anon", ANON_CLAIMS));
        users.put(Actor.SERVICE_ROLE, new Acting("service_role", SERVICE_CLAIMS));
        Row row;
        try {
            row = existingRow(shape, owner.id);
            if (row == null) {
                String insert = workingInsert(shape, owner.id, 0);
                String asActor = insert.substring(0, insert.indexOf(RETURNING));
                List<Attempt> inserts = new ArrayList<>();
                for (Actor actor : Actor.values()) {
                    inserts.add(new Attempt(actor, Command.INSERT, asActor));
                }
                record(inserts, attempt(inserts, users), allowed);
                row = insertRow(shape, insert);
            }
        } catch (Unmakeable e) {
            return new Probed(new AccessMatrix(table, ownedThrough, Map.of(), false, e.getMessage()), Map.of());
        }
        String where = " where ctid = '" + row.ctid + "'::tid";
        Map<String, String> touched = touchedColumns(shape);
        List<Attempt> attempts = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            attempts.add(new Attempt(actor, Command.SELECT, "select 1 from " + shape.table + where));
            String column = touched.get(users.get(actor).role);
            if (column != null) {
                attempts.add(new Attempt(actor, Command.UPDATE, "update " + shape.table + " set " + quote(column) + " = " + quote(column) + where));
            }
            attempts.add(new Attempt(actor, Command.DELETE, "delete from " + shape.table + where));
        }
        // the owner hands the row to the other user: counted only if the owner may update at all
        String owning = shape.ownerColumns.isEmpty() ? null : shape.ownerColumns.iterator().next();
        if (owning != null) {
            attempts.add(new Attempt(Actor.OWNER, null, "update " + shape.table + " set " + quote(owning) + " = '" + other.id + "'" + where));
        }
        int[] touchedRows = attempt(attempts, users);
        record(attempts, touchedRows, allowed);
        boolean handOver = owning != null && touchedRows[touchedRows.length - 1] > 0 && allowed.get(Actor.OWNER).contains(Command.UPDATE);
        for (Actor actor : List.of(Actor.OTHER_USER, Actor.ANON)) {
            for (Command command : allowed.getOrDefault(actor, Set.of())) {
                letThrough.computeIfAbsent(actor, a -> new EnumMap<>(Command.class))
                        .put(command, policiesLettingThrough(shape, users.get(actor), command, where));
            }
        }
        return new Probed(new AccessMatrix(table, ownedThrough, allowed, handOver, null), letThrough);
    }

    // ---------------------------------------------------------------- acting as PostgREST does

    /** One statement tried as an actor; {@code command} null for an attempt that is not a cell of the matrix. */
    private record Attempt(Actor actor, Command command, String sql) {
    }

    /** Runs the attempts in one round trip, each in its own subtransaction that is undone: the rows each touched, 0 if refused. */
    private int[] attempt(List<Attempt> attempts, Map<Actor, Acting> users) throws SQLException {
        String[] roles = new String[attempts.size()];
        String[] claims = new String[attempts.size()];
        String[] statements = new String[attempts.size()];
        for (int i = 0; i < attempts.size(); i++) {
            Acting acting = users.get(attempts.get(i).actor);
            roles[i] = acting.role;
            claims[i] = acting.claims;
            statements[i] = attempts.get(i).sql;
        }
        int[] out = new int[attempts.size()];
        try (PreparedStatement ps = c.prepareStatement("select pg_temp.authschema_attempt(r, c, s) "
                + "from unnest(?::text[], ?::text[], ?::text[]) with ordinality u(r, c, s, o) order by o")) {
            ps.setArray(1, c.createArrayOf("text", roles));
            ps.setArray(2, c.createArrayOf("text", claims));
            ps.setArray(3, c.createArrayOf("text", statements));
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    out[i] = rs.getInt(1);
                }
            }
        }
        return out;
    }

    /** The role PostgREST takes for a request, and the JWT claims it sets. */
    private record Acting(String role, String claims) {
    }

    private static void record(List<Attempt> attempts, int[] touched, Map<Actor, Set<Command>> allowed) {
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            Set<Command> commands = allowed.computeIfAbsent(a.actor, x -> EnumSet.noneOf(Command.class));
            if (a.command != null && touched[i] > 0) {
                commands.add(a.command);
            }
        }
    }

    /** The permissive policies whose expression holds for the row, evaluated with the actor's claims, in one round trip. */
    private List<String> policiesLettingThrough(Shape shape, Acting acting, Command command, String where) throws SQLException {
        String role = acting.role;
        List<String> names = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        for (Policy p : shape.policies) {
            boolean forCommand = p.command.equals("ALL") || p.command.equals(command.name());
            boolean forRole = p.roles.contains("public") || p.roles.contains(role);
            String expression = command == Command.INSERT ? p.withCheck : p.using;
            if (p.permissive && forCommand && forRole && expression != null) {
                names.add(p.name);
                tests.add("select (" + expression + ") from " + shape.table + where);
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> holding = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select pg_temp.authschema_holds(?, s) from unnest(?::text[]) with ordinality u(s, o) "
                + "order by o")) {
            ps.setString(1, acting.claims);
            ps.setArray(2, c.createArrayOf("text", tests.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    if (rs.getBoolean(1)) {
                        holding.add(names.get(i));
                    }
                }
            }
        }
        return holding;
    }

    // ---------------------------------------------------------------- users

    private User signUp(String email) throws SQLException {
        execute("savepoint authschema_probe_user");
        UUID id;
        try {
            execute("set local role supabase_auth_admin");
            id = new AuthFlows(c, bcryptCost, AuthFlows.ONE_TRANSACTION).signUpWithEmail(email, "probe password 1234", Map.of());
            execute("reset role");
        } catch (AuthFlows.StepFailure e) {
            // the project's sign-up trigger fails (signup-trigger-fails says so); the users are made without it
            execute("rollback to savepoint authschema_probe_user");
            id = UUID.randomUUID();
            execute("set local session_replication_role = replica");
            one("insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at) "
                    + "values ('00000000-0000-0000-0000-000000000000', ?, 'authenticated', 'authenticated', ?, "
                    + "'{\"provider\": \"email\", \"providers\": [\"email\"]}', '{}', now(), now()) returning id", id, email);
            execute("set local session_replication_role = origin");
        }
        execute("release savepoint authschema_probe_user");
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", id.toString());
        claims.put("role", "authenticated");
        claims.put("aud", "authenticated");
        claims.put("email", email);
        claims.put("phone", "");
        claims.put("app_metadata", Map.of("provider", "email", "providers", List.of("email")));
        claims.put("user_metadata", Map.of());
        claims.put("aal", "aal1");
        claims.put("amr", List.of(Map.of("method", "password", "timestamp", now)));
        claims.put("session_id", UUID.randomUUID().toString());
        claims.put("is_anonymous", false);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return new User(id, Json.write(claims));
    }

    // ---------------------------------------------------------------- ownership

    /** How a row of the table belongs to a user: an owner column, or a parent that does; empty when it belongs to none. */
    private Optional<String> ownedThrough(String table, int depth) throws SQLException {
        Optional<String> known = ownership.get(table);
        if (known != null) {
            return known;
        }
        Shape shape = shape(table);
        Optional<String> found = Optional.empty();
        if (!shape.ownerColumns.isEmpty()) {
            found = Optional.of(String.join(", ", shape.ownerColumns));
        } else if (depth < MAX_DEPTH) {
            for (ForeignKey fk : shape.foreignKeys) {
                if (!fk.target.startsWith("auth.") && !fk.target.equals(table)) {
                    Optional<String> parent = ownedThrough(fk.target, depth + 1);
                    if (parent.isPresent()) {
                        found = Optional.of(String.join(", ", fk.columns) + " → " + fk.target + "." + parent.get());
                        break;
                    }
                }
            }
        }
        ownership.put(table, found);
        return found;
    }

    // ---------------------------------------------------------------- making rows

    /** A row the owner already has (a sign-up trigger made their profile), or null. */
    private Row existingRow(Shape shape, UUID owner) throws SQLException {
        if (shape.ownerColumns.isEmpty() || neverWritten.contains(shape.table)) {
            return null;
        }
        String column = shape.ownerColumns.iterator().next();
        return firstRow("select ctid::text, " + ROW_TEXT + " from " + shape.table + " x where " + quote(column) + "::text = ? limit 1",
                null, owner.toString());
    }

    /** The first row a query of (ctid, row text) answers, made by {@code insert} (null when it already existed), or null. */
    private Row firstRow(String sql, String insert, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Row(rs.getString(1), values(rs.getString(2)), insert) : null;
            }
        }
    }

    private Row insertRow(Shape shape, String insert) throws SQLException, Unmakeable {
        Row row = firstRow(insert, insert);
        if (row == null) {
            throw new Unmakeable("a BEFORE INSERT trigger on " + shape.table + " skipped the row");
        }
        return row;
    }

    /** A parent row for the owner: one they have, one the table already holds when it belongs to no one, or a new one. */
    private Row parentRow(String table, UUID owner, int depth) throws SQLException, Unmakeable {
        Shape shape = shape(table);
        Row existing = existingRow(shape, owner);
        if (existing != null) {
            return existing;
        }
        if (ownedThrough(table, depth).isEmpty()) {
            Row any = firstRow("select ctid::text, " + ROW_TEXT + " from " + table + " x limit 1", null);
            if (any != null) {
                return any;
            }
        }
        return insertRow(shape, workingInsert(shape, owner, depth));
    }

    /**
     * An INSERT that makes a row for the owner, found by trying: each attempt runs in a savepoint and
     * is rolled back; a NOT NULL, check or unique violation tells which column to fill or change next.
     * Parent rows it needs are made for good (the caller's savepoint removes them).
     */
    private String workingInsert(Shape shape, UUID owner, int depth) throws SQLException, Unmakeable {
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        Map<String, Integer> chosen = new LinkedHashMap<>();
        // an owner column that references a project table (account_id = auth.uid() for personal accounts) takes the
        // id of the owner's row there, which the foreign key loop finds or makes
        Set<String> throughParent = new LinkedHashSet<>();
        shape.foreignKeys.stream().filter(fk -> !fk.target.equals("auth.users")).forEach(fk -> throughParent.addAll(fk.columns));
        for (String column : shape.ownerColumns) {
            if (!throughParent.contains(column)) {
                candidates.put(column, List.of("'" + owner + "'"));
            }
        }
        for (ForeignKey fk : shape.foreignKeys) {
            boolean needed = fk.columns.stream().anyMatch(col -> shape.column(col).notNull && !shape.column(col).hasDefault)
                    || fk.columns.stream().anyMatch(shape.ownerColumns::contains)
                    || (shape.ownerColumns.isEmpty() && ownedThrough(shape.table, depth).map(o -> o.startsWith(String.join(", ", fk.columns) + " →")).orElse(false));
            if (!needed || fk.columns.stream().anyMatch(candidates::containsKey)) {
                continue;
            }
            if (fk.target.equals("auth.users")) {
                for (int i = 0; i < fk.columns.size(); i++) {
                    candidates.put(fk.columns.get(i), List.of("(select " + quote(fk.targetColumns.get(i)) + " from auth.users where id = '" + owner + "')"));
                }
                continue;
            }
            if (depth >= MAX_DEPTH || fk.target.equals(shape.table)) {
                throw new Unmakeable("its foreign key " + fk.name + " needs a row of " + fk.target + " deeper than the probe goes");
            }
            Row parent;
            try {
                parent = parentRow(fk.target, owner, depth + 1);
            } catch (Unmakeable e) {
                throw new Unmakeable("no row of its parent " + fk.target + " could be made: " + e.getMessage());
            }
            for (int i = 0; i < fk.columns.size(); i++) {
                String value = parent.values.get(fk.targetColumns.get(i));
                candidates.put(fk.columns.get(i), List.of(value == null ? "null" : literal(value)));
            }
        }
        for (Column column : shape.columns) {
            if (column.notNull && !column.hasDefault && !column.generated && !candidates.containsKey(column.name)) {
                candidates.put(column.name, valuesFor(shape, column));
            }
        }
        candidates.keySet().forEach(k -> chosen.put(k, 0));
        String lastError = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String insert = insertStatement(shape, candidates, chosen);
            try (PreparedStatement ps = c.prepareStatement("select * from pg_temp.authschema_try(?)")) {
                ps.setString(1, insert);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getString(1) == null) {
                        return insert;
                    }
                    lastError = rs.getString(4);
                    if (!repair(shape, rs.getString(1), rs.getString(2), rs.getString(3), candidates, chosen)) {
                        break;
                    }
                }
            }
        }
        throw new Unmakeable("no row could be inserted: " + lastError);
    }

    /** Changes the values after a failed attempt; false when nothing is left to try. */
    private boolean repair(Shape shape, String state, String constraint, String column, Map<String, List<String>> candidates,
                           Map<String, Integer> chosen) {
        switch (state) {
            case "23502": // a NOT NULL column a default or trigger left empty
                Column missing = column == null ? null : shape.column(column);
                if (missing == null || candidates.containsKey(column)) {
                    return false;
                }
                candidates.put(column, valuesFor(shape, missing));
                chosen.put(column, 0);
                return true;
            case "23514": // a check: the next value its own literals suggest, for each of its columns
                Constraint check = shape.checks.stream().filter(k -> k.name.equals(constraint)).findFirst().orElse(null);
                if (check == null) {
                    return false;
                }
                boolean changed = false;
                for (String col : check.columns) {
                    Column cc = shape.column(col);
                    if (cc == null || cc.generated || shape.ownerColumns.contains(col)) {
                        continue;
                    }
                    if (!candidates.containsKey(col)) {
                        candidates.put(col, valuesFor(shape, cc));
                        chosen.put(col, 0);
                        changed = true;
                    } else if (chosen.get(col) + 1 < candidates.get(col).size()) {
                        chosen.put(col, chosen.get(col) + 1);
                        changed = true;
                    }
                }
                return changed;
            case "23505": // unique: values no row has yet
                Constraint unique = shape.uniques.stream().filter(k -> k.name.equals(constraint)).findFirst().orElse(null);
                if (unique == null) {
                    return false;
                }
                boolean fresh = false;
                for (String col : unique.columns) {
                    Column uc = shape.column(col);
                    // a column with a default too: a sequence behind the rows a seed inserted with their own ids
                    if (uc != null && !uc.generated && !shape.ownerColumns.contains(col)) {
                        candidates.put(col, List.of(uniqueValue(uc)));
                        chosen.put(col, 0);
                        fresh = true;
                    }
                }
                return fresh;
            default:
                return false;
        }
    }

    private static String insertStatement(Shape shape, Map<String, List<String>> candidates, Map<String, Integer> chosen) {
        if (candidates.isEmpty()) {
            return "insert into " + shape.table + " as x default values" + RETURNING;
        }
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        candidates.forEach((name, options) -> {
            columns.add(quote(name));
            values.add("(" + options.get(chosen.get(name)) + ")::" + shape.column(name).type);
        });
        return "insert into " + shape.table + " as x (" + String.join(", ", columns) + ") values (" + String.join(", ", values)
                + ")" + RETURNING;
    }

    /** Values for a column: one of its type first, then the literals of the checks on it. */
    private List<String> valuesFor(Shape shape, Column column) {
        Set<String> values = new LinkedHashSet<>();
        if (column.isEnum) {
            values.add("(select min(enumlabel::text) from pg_enum where enumtypid = '" + column.baseType + "'::regtype)");
        } else {
            values.add(typeValue(column));
        }
        for (Constraint check : shape.checks) {
            if (check.columns.contains(column.name)) {
                Matcher pattern = MATCHES.matcher(check.definition);
                while (pattern.find()) {
                    sampleOf(pattern.group(1).replace("''", "'")).ifPresent(sample -> values.add(literal(sample)));
                }
                Matcher q = QUOTED.matcher(check.definition);
                while (q.find()) {
                    values.add("'" + q.group(1) + "'");
                }
                Matcher n = NUMBER.matcher(check.definition.replaceAll("'(?:[^']|'')*'", "''"));
                while (n.find()) {
                    values.add(n.group());
                }
            }
        }
        return List.copyOf(values);
    }

    /**
     * The shortest text a simple anchored pattern matches ({@code ^[1-9][0-9]{1,14}$} gives "10"):
     * character classes, escapes and literals with quantifiers. Empty for groups, alternatives and
     * anything else it does not read.
     */
    static Optional<String> sampleOf(String regex) {
        String r = regex.startsWith("^") ? regex.substring(1) : regex;
        r = r.endsWith("$") ? r.substring(0, r.length() - 1) : r;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < r.length()) {
            char c = r.charAt(i);
            String unit;
            if (c == '[') {
                int close = r.indexOf(']', i + 2);
                if (close < 0 || r.charAt(i + 1) == '^') {
                    return Optional.empty();
                }
                unit = r.charAt(i + 1) == '\\' ? escaped(r.charAt(i + 2)) : String.valueOf(r.charAt(i + 1));
                i = close + 1;
            } else if (c == '\\' && i + 1 < r.length()) {
                unit = escaped(r.charAt(i + 1));
                i += 2;
            } else if ("()|^$*+?{}".indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                unit = c == '.' ? "a" : String.valueOf(c);
                i++;
            }
            if (unit == null) {
                return Optional.empty();
            }
            int times = 1;
            if (i < r.length() && "*?+{".indexOf(r.charAt(i)) >= 0) {
                char q = r.charAt(i);
                if (q == '{') {
                    int close = r.indexOf('}', i);
                    if (close < 0) {
                        return Optional.empty();
                    }
                    try {
                        times = Integer.parseInt(r.substring(i + 1, close).split(",")[0].strip());
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                    i = close + 1;
                } else {
                    times = q == '+' ? 1 : 0;
                    i++;
                }
            }
            out.append(unit.repeat(times));
        }
        return Optional.of(out.toString());
    }

    private static String escaped(char c) {
        return switch (c) {
            case 'd' -> "0";
            case 'w' -> "a";
            case 's' -> " ";
            default -> Character.isLetterOrDigit(c) ? null : String.valueOf(c);
        };
    }

    private static String typeValue(Column column) {
        String t = column.baseType;
        if (t.endsWith("[]")) {
            return "'{}'";
        }
        return switch (t) {
            case "uuid" -> "gen_random_uuid()";
            case "smallint", "integer", "bigint", "numeric", "real", "double precision", "money" -> "1";
            case "boolean" -> "true";
            case "timestamp with time zone", "timestamp without time zone", "date", "time without time zone", "time with time zone" -> "now()";
            case "interval" -> "'1 hour'";
            case "json", "jsonb" -> "'{}'";
            case "bytea" -> "'\\x00'";
            case "inet", "cidr" -> "'127.0.0.1'";
            default -> "'probe'";
        };
    }

    private static String uniqueValue(Column column) {
        long n = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        return switch (column.baseType) {
            case "uuid" -> "gen_random_uuid()";
            case "smallint" -> String.valueOf(n % 30_000);
            case "integer", "bigint", "numeric", "real", "double precision" -> String.valueOf(n);
            default -> "'probe-" + n + "'";
        };
    }

    /**
     * For anon and authenticated, a column each may update, which the update probe sets to itself: not
     * generated, and not an owner column when another will do. A role that may update none is absent.
     */
    private Map<String, String> touchedColumns(Shape shape) throws SQLException {
        List<String> candidates = new ArrayList<>();
        shape.columns.stream().filter(col -> !col.generated && !shape.ownerColumns.contains(col.name)).forEach(col -> candidates.add(col.name));
        candidates.addAll(shape.ownerColumns);
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select r, (select col from unnest(?::text[]) with ordinality u(col, o) "
                + "where has_column_privilege(r, ?::regclass, col, 'UPDATE') order by o limit 1) "
                + "from unnest(array['anon', 'authenticated', 'service_role']) r")) {
            ps.setArray(1, c.createArrayOf("text", candidates.toArray(String[]::new)));
            ps.setString(2, shape.table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- reading the table

    private Shape shape(String table) throws SQLException {
        Shape known = shapes.get(table);
        if (known == null) {
            load(List.of(table));
            known = shapes.get(table);
        }
        return known;
    }

    /** Reads the shapes of the tables in three queries, whatever their number; each is known by the name given. */
    private void load(List<String> tables) throws SQLException {
        String[] names = tables.toArray(String[]::new);
        String relations = "unnest(?::text[]) r(name) join pg_class k on k.oid = r.name::regclass";
        Map<String, String> qualified = new HashMap<>();
        Map<String, List<Column>> columns = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select r.name, format('%I.%I', k.relnamespace::regnamespace::text, k.relname), "
                + "a.attname, format_type(a.atttypid, a.atttypmod), "
                + "format_type(coalesce(nullif(t.typbasetype, 0), t.oid), null), a.attnotnull, a.atthasdef or a.attidentity <> '', "
                + "a.attgenerated <> '' or a.attidentity = 'a', coalesce(bt.typtype, t.typtype) = 'e', "
                + "k.relkind = 'r' and pg_relation_size(k.oid) = 0 "
                + "from " + relations + " join pg_attribute a on a.attrelid = k.oid join pg_type t on t.oid = a.atttypid "
                + "left join pg_type bt on bt.oid = nullif(t.typbasetype, 0) "
                + "where a.attnum > 0 and not a.attisdropped order by r.name, a.attnum")) {
            ps.setArray(1, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    qualified.put(rs.getString(1), rs.getString(2));
                    if (rs.getBoolean(10)) {
                        neverWritten.add(rs.getString(2));
                    }
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9)));
                }
            }
        }
        String attnames = "array(select a.attname::text from unnest(%s) with ordinality u(n, o) join pg_attribute a "
                + "on a.attrelid = %s and a.attnum = u.n order by u.o)";
        Map<String, List<ForeignKey>> fks = new HashMap<>();
        Map<String, List<Constraint>> checks = new HashMap<>();
        Map<String, List<Constraint>> uniques = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select r.name, con.conname, con.contype, " + attnames.formatted("con.conkey", "con.conrelid")
                + ", (select format('%I.%I', f.relnamespace::regnamespace::text, f.relname) from pg_class f where f.oid = con.confrelid), "
                + attnames.formatted("con.confkey", "con.confrelid") + ", pg_get_constraintdef(con.oid) "
                + "from " + relations + " join pg_constraint con on con.conrelid = k.oid "
                + "where con.contype in ('f', 'c', 'u', 'p') order by r.name, con.conname")) {
            ps.setArray(1, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    List<String> cols = List.of((String[]) rs.getArray(4).getArray());
                    switch (rs.getString(3)) {
                        case "f" -> fks.computeIfAbsent(table, k -> new ArrayList<>()).add(new ForeignKey(rs.getString(2), cols, rs.getString(5),
                                List.of((String[]) rs.getArray(6).getArray())));
                        case "c" -> checks.computeIfAbsent(table, k -> new ArrayList<>()).add(new Constraint(rs.getString(2), cols, rs.getString(7)));
                        default -> uniques.computeIfAbsent(table, k -> new ArrayList<>()).add(new Constraint(rs.getString(2), cols, rs.getString(7)));
                    }
                }
            }
        }
        Map<String, List<Policy>> policies = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select r.name, p.polname, p.polpermissive, "
                + "array(select case when x = 0 then 'public' else x::regrole::text end from unnest(p.polroles) x), "
                + "case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE' else 'ALL' end, "
                + "pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid) "
                + "from " + relations + " join pg_policy p on p.polrelid = k.oid order by r.name, p.polname")) {
            ps.setArray(1, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    policies.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Policy(rs.getString(2), rs.getBoolean(3),
                            List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        for (String table : tables) {
            if (qualified.containsKey(table)) {
                List<Column> cols = columns.get(table);
                List<ForeignKey> keys = fks.getOrDefault(table, List.of());
                List<Policy> pols = policies.getOrDefault(table, List.of());
                shapes.put(table, new Shape(qualified.get(table), cols, keys, checks.getOrDefault(table, List.of()),
                        uniques.getOrDefault(table, List.of()), pols, ownerColumns(cols, keys, pols)));
            }
        }
    }

    /** Foreign keys to auth.users(id), and columns the policies compare with auth.uid(). */
    private static Set<String> ownerColumns(List<Column> columns, List<ForeignKey> fks, List<Policy> policies) {
        Set<String> owners = new LinkedHashSet<>();
        for (ForeignKey fk : fks) {
            if (fk.target.equals("auth.users") && fk.columns.size() == 1 && fk.targetColumns.equals(List.of("id"))) {
                owners.add(fk.columns.get(0));
            }
        }
        for (Policy p : policies) {
            for (String expression : new String[] {p.using, p.withCheck}) {
                if (expression == null) {
                    continue;
                }
                Matcher m = OWNER_COMPARISON.matcher(expression);
                while (m.find()) {
                    String col = m.group(1) != null ? m.group(1) : m.group(2);
                    Column cc = columns.stream().filter(x -> x.name.equals(col)).findFirst().orElse(null);
                    if (cc != null && (cc.baseType.equals("uuid") || cc.baseType.equals("text") || cc.baseType.startsWith("character"))) {
                        owners.add(col);
                    }
                }
            }
        }
        return owners;
    }

    // ---------------------------------------------------------------- JDBC

    private Object one(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Map<String, String> values(String json) {
        Map<String, String> values = new HashMap<>();
        Json.readObject(json).forEach((k, v) -> values.put(k, v == null ? null : v.toString()));
        return values;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
