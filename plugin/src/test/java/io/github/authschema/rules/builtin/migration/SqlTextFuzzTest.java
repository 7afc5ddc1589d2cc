package io.github.authschema.rules.builtin.migration;

import io.github.authschema.catalog.CreateTableStatement;
import io.github.authschema.catalog.Location;
import io.github.authschema.catalog.Origins;
import io.github.authschema.catalog.TraceEvent;
import io.github.authschema.rules.Finding;
import io.github.authschema.rules.Severity;
import io.github.authschema.rules.Suppression;
import io.github.authschema.rules.engine.Suppressions;
import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.migrate.MigrationScanner;
import io.github.authschema.testkit.internal.migrate.SqlStatements;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our code reads SQL text for line numbers, suppressions and CREATE TABLE IF NOT EXISTS. Random and
 * mutated migrations must never make it throw anything but a clear user error, nor hang.
 */
class SqlTextFuzzTest {
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final List<String> CORPUS = loadCorpus();

    private static List<String> loadCorpus() {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/rules"))) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> sql() {
        Arbitrary<String> random = Arbitraries.strings().withChars("create table if not exists public.\"x\"(),;'$-*/\n\t authschema:ignore ")
                .ofMaxLength(400);
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(CORPUS), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 40), Arbitraries.strings().ofMaxLength(12))
                .as((text, at, cut, insert) -> {
                    int i = Math.min(at, text.length());
                    return text.substring(0, i) + insert + text.substring(Math.min(text.length(), i + cut));
                });
        return Arbitraries.oneOf(random, mutated, Arbitraries.strings().ofMaxLength(200));
    }

    @Property(tries = 400)
    void createTableParsingNeverThrows(@ForAll("sql") String text) {
        assertTimeoutPreemptively(LIMIT, () -> CreateTableStatement.parse(text));
    }

    @Property(tries = 300)
    void locatingStatementsNeverThrows(@ForAll("sql") String file, @ForAll("sql") String statement,
                                       @ForAll("sql") String statement2) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Origins origins = new Origins(List.of(
                    new TraceEvent(1, "m.sql", statement, "CREATE TABLE", "table", "public", "public.t", false, null),
                    new TraceEvent(2, "m.sql", statement2, "CREATE TABLE", "skipped", null, null, false, null),
                    new TraceEvent(3, "m.sql", null, "ALTER TABLE", "table", "public", "public.t", false, null)), Map.of("m.sql", file));
            origins.created("public.t");
            origins.find("public.t", Pattern.compile("references"));
            origins.events().forEach(e -> origins.refine(e, statement.length() / 2));
        });
    }

    @Property(tries = 300)
    void suppressionsNeverThrow(@ForAll("sql") String file, @ForAll int line) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Finding f = new Finding("auth-fk-missing-cascade", Severity.ERROR, "o", new Location("m.sql", Math.floorMod(line, 50) + 1), "m", "f");
            for (Suppression s : Suppressions.parse(Map.of("m.sql", file))) {
                s.covers(f);
                assertTrue(s.lastLine() >= s.line() && s.lastLine() <= file.split("\n", -1).length, s.toString());
            }
        });
    }

    @Property(tries = 100)
    void scanningAnyFileContentEitherWorksOrSaysWhatIsWrong(@ForAll byte[] content) throws IOException {
        Path dir = Files.createTempDirectory("fuzz");
        Files.write(dir.resolve("V1__fuzz.sql"), content);
        try {
            assertTimeoutPreemptively(LIMIT, () -> new MigrationScanner(dir).scan(List.of("filesystem:.")));
        } catch (SupabaseKitException expected) {
            // a clear user error is the only other outcome
        } finally {
            Files.walk(dir).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Pieces of statements in which a semicolon must not end the statement. */
    @Provide
    Arbitrary<List<String>> statements() {
        Arbitrary<String> piece = Arbitraries.of("select 1", "'a;b'", "'it''s;'", "\"odd;name\"", "$$ begin perform 1; end $$",
                "$fn$ x; $$ y; $fn$", "E'back\\';slash'", "/* c; /* nested; */ c; */ 1", "(values (1); )", "a$b$", "$1",
                "case when x then 1 else 2 end", "-- line; comment\n2");
        Arbitrary<String> statement = piece.list().ofMinSize(1).ofMaxSize(6).map(p -> "select " + String.join(" ", p));
        Arbitrary<String> atomic = piece.list().ofMinSize(1).ofMaxSize(4).map(p -> "create or replace function f() returns int "
                + "language sql\nbegin atomic\n  select " + String.join(" ", p) + ";\n  select case when true then 1 end;\nend");
        return Arbitraries.oneOf(statement, atomic).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void splittingFindsExactlyTheStatementsThatWereJoined(@ForAll("statements") List<String> statements) {
        String script = String.join(";\n", statements) + ";\n";
        List<SqlStatements.Located> located = SqlStatements.locate(script);
        assertEquals(statements, located.stream().map(SqlStatements.Located::sql).toList());
        int from = 0;
        for (SqlStatements.Located l : located) {
            int at = script.indexOf(l.sql(), from);
            assertEquals(l.line(), script.substring(0, at).split("\n", -1).length, l.sql());
            from = at + l.sql().length();
        }
    }

    @Property(tries = 300)
    void splittingAnyTextNeverThrowsAndKeepsLinesInTheFile(@ForAll("sql") String text) {
        assertTimeoutPreemptively(LIMIT, () -> {
            int lines = text.split("\n", -1).length;
            int previous = 1;
            for (SqlStatements.Located l : SqlStatements.locate(text)) {
                assertTrue(text.contains(l.sql()), l.sql());
                assertTrue(l.line() >= previous && l.line() <= lines, "line " + l.line());
                previous = l.line();
            }
        });
    }
}
