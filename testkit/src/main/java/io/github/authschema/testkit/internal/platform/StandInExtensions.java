package io.github.authschema.testkit.internal.platform;

import io.github.authschema.testkit.SupabaseKitException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extensions every Supabase database has or projects enable, which the embedded binaries lack:
 * stand-ins written in SQL (resources under {@code extensions/}), installed as real extensions into
 * the server's extension directory, so {@code CREATE EXTENSION [IF NOT EXISTS] … [WITH SCHEMA …]}
 * works unchanged and {@code pg_extension} lists them. A real extension of the same name wins.
 */
public final class StandInExtensions {
    private static final String DIR = "/io/github/authschema/testkit/extensions/";
    private static final Pattern VERSION = Pattern.compile("(?m)^default_version\\s*=\\s*'([^']+)'");
    /** What a stand-in's control comment starts with; pg_available_extensions shows it. */
    public static final String MARK = "authschema stand-in";

    private StandInExtensions() {
    }

    public static List<String> names() {
        return Platform.load("extensions/stand-ins.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /**
     * The contrib extensions of supautils' privileged_extensions (supabase/postgres supautils.conf):
     * postgres may create them on Supabase, where supautils runs the script as a superuser.
     */
    private static final List<String> PRIVILEGED_CONTRIB = List.of("autoinc", "bloom", "btree_gin", "btree_gist", "citext", "cube",
            "dblink", "dict_int", "dict_xsyn", "earthdistance", "fuzzystrmatch", "hstore", "insert_username", "intarray", "isn", "ltree",
            "moddatetime", "pg_buffercache", "pg_prewarm", "pg_stat_statements", "pg_trgm", "pg_walinspect", "pgcrypto", "pgrowlocks",
            "pgstattuple", "postgres_fdw", "refint", "seg", "sslinfo", "tablefunc", "tcn", "tsm_system_rows", "tsm_system_time",
            "unaccent", "uuid-ossp");
    private static final String TRUSTED = "\ntrusted = true  # authschema: supautils lets postgres create it (privileged_extensions)\n";

    public static void install(Path extensionDirectory) {
        trustPrivilegedContrib(extensionDirectory);
        runAfterCreate(extensionDirectory);
        for (String name : names()) {
            try {
                Path control = extensionDirectory.resolve(name + ".control");
                if (Files.exists(control) && !Files.readString(control).contains(MARK)) {
                    continue;
                }
                String controlText = resource(name + ".control");
                Matcher version = VERSION.matcher(controlText);
                if (!version.find()) {
                    throw new IllegalStateException(name + ".control has no default_version");
                }
                String script = name + "--" + version.group(1) + ".sql";
                write(extensionDirectory.resolve(script), resource(script));
                write(control, controlText);
            } catch (IOException e) {
                throw new SupabaseKitException("Could not install the stand-in extension " + name + " into " + extensionDirectory
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private static final Pattern VECTOR_INDEX = Pattern.compile(
            "(?is)\\s*(?:(?:--[^\\n]*\\n|/\\*.*?\\*/)\\s*)*create\\s+(?:unique\\s+)?index\\b.*?\\busing\\s+\"?(?:hnsw|ivfflat)\"?\\s*(?=\\()");
    private static final Pattern WITH = Pattern.compile("(?i)\\s*with\\s*(?=\\()");

    /**
     * The statement as the vector stand-in can take it: its hnsw and ivfflat index methods are
     * PostgreSQL's hash index, which accepts none of pgvector's WITH (m, ef_construction, lists)
     * options, so that clause is blanked. Blanks keep every other character at its offset, so
     * lines and positions in PostgreSQL's messages still match the file.
     */
    public static String withoutVectorIndexOptions(String statement) {
        Matcher index = VECTOR_INDEX.matcher(statement);
        if (!index.lookingAt()) {
            return statement;
        }
        int columnsEnd = closingParenthesis(statement, index.end());
        Matcher with = WITH.matcher(statement).region(columnsEnd + 1, statement.length());
        if (columnsEnd < 0 || !with.lookingAt()) {
            return statement;
        }
        int optionsEnd = closingParenthesis(statement, with.end());
        if (optionsEnd < 0) {
            return statement;
        }
        StringBuilder adapted = new StringBuilder(statement);
        for (int i = with.start(); i <= optionsEnd; i++) {
            if (adapted.charAt(i) != '\n') {
                adapted.setCharAt(i, ' ');
            }
        }
        return adapted.toString();
    }

    /** Whether the server's vector extension is this stand-in rather than pgvector. */
    public static boolean vectorIsStandIn(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(bool_or(comment like '" + MARK + "%'), false)"
                     + " from pg_available_extensions where name = 'vector'")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 if none. */
    private static int closingParenthesis(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What supautils runs after creating some extensions on Supabase (supabase/postgres
     * ansible/files/postgresql_extension_custom_scripts/&lt;name&gt;/after-create.sql), appended to the
     * contrib extension's install script so it runs as part of CREATE EXTENSION.
     */
    private static final Map<String, String> AFTER_CREATE = Map.of(
            // an FDW's owner must be a superuser when it is given; postgres then creates servers for it
            "postgres_fdw", """
                    do $authschema$
                    begin
                      if not (select rolsuper from pg_roles where rolname = 'postgres') then
                        alter role postgres superuser;
                        alter foreign data wrapper postgres_fdw owner to postgres;
                        alter role postgres nosuperuser;
                      end if;
                    end $authschema$;
                    """);
    private static final String AFTER_CREATE_MARK = "-- authschema: supautils' after-create script\n";

    private static void runAfterCreate(Path extensionDirectory) {
        AFTER_CREATE.forEach((name, sql) -> {
            try (var scripts = Files.list(extensionDirectory)) {
                Optional<Path> install = scripts.filter(p -> p.getFileName().toString().matches(Pattern.quote(name) + "--[^-]+\\.sql"))
                        .sorted().findFirst();
                if (install.isPresent() && !Files.readString(install.get()).contains(AFTER_CREATE_MARK)) {
                    write(install.get(), Files.readString(install.get()) + "\n" + AFTER_CREATE_MARK + sql);
                }
            } catch (IOException e) {
                throw new SupabaseKitException("Could not prepare " + name + " in " + extensionDirectory + ": " + e.getMessage(), e);
            }
        });
    }

    /** PostgreSQL lets a non-superuser create only trusted extensions; this is what supautils changes for postgres. */
    private static void trustPrivilegedContrib(Path extensionDirectory) {
        for (String name : PRIVILEGED_CONTRIB) {
            Path control = extensionDirectory.resolve(name + ".control");
            try {
                if (Files.isRegularFile(control)) {
                    String text = Files.readString(control);
                    if (!text.matches("(?s).*(?m)^\\s*trusted\\s*=\\s*true.*")) {
                        write(control, text + TRUSTED);
                    }
                }
            } catch (IOException e) {
                throw new SupabaseKitException("Could not let postgres create " + name + " in " + extensionDirectory + ": " + e.getMessage(), e);
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StandInExtensions.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Servers of several JVMs share one unpacked binaries directory: write whole files, atomically. */
    private static void write(Path target, String text) throws IOException {
        if (Files.exists(target) && Files.readString(target).equals(text)) {
            return;
        }
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        Files.writeString(partial, text);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
