package io.github.authschema.testkit.internal.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlStatementsTest {
    private static List<String> sql(String script) {
        return SqlStatements.locate(script).stream().map(SqlStatements.Located::sql).toList();
    }

    @Test
    void semicolonsInsideQuotesCommentsAndDollarQuotesDoNotEndAStatement() {
        String script = "insert into t values ('a;b', \"x;y\");\n"
                + "/* one; /* nested; */ still; */ select 1;\n"
                + "create function f() returns int language plpgsql as $body$ begin return 1; end $body$;\n"
                + "select E'it\\'s; fine';\n"
                + "-- trailing; comment\n";
        assertEquals(List.of("insert into t values ('a;b', \"x;y\")", "select 1",
                "create function f() returns int language plpgsql as $body$ begin return 1; end $body$",
                "select E'it\\'s; fine'"), sql(script));
    }

    @Test
    void aSqlStandardFunctionBodyIsOneStatementCaseAndAll() {
        String script = "create or replace function public.sign(x int) returns int language sql\n"
                + "begin atomic\n"
                + "  select case when x < 0 then -1 else 1 end;\n"
                + "  select 2;\n"
                + "end;\n"
                + "create table public.after_it (id int);\n";
        List<String> statements = sql(script);
        assertEquals(2, statements.size(), statements.toString());
        assertEquals("create table public.after_it (id int)", statements.get(1));
    }

    @Test
    void beginOutsideARoutineIsATransactionStatement() {
        assertEquals(List.of("begin", "create table t (id int)", "commit"), sql("begin;\ncreate table t (id int);\ncommit;\n"));
    }

    @Test
    void parenthesesAndDollarSignsInIdentifiersDoNotConfuseIt() {
        assertEquals(List.of("select a$b$ from t", "select $1::int"), sql("select a$b$ from t; select $1::int;"));
        assertEquals(1, sql("create rule r as on insert to t do also (insert into u values (1); insert into v values (2));").size());
    }

    @Test
    void eachStatementKnowsTheLineOfItsFirstToken() {
        List<SqlStatements.Located> located = SqlStatements.locate("-- header\n\ncreate table a (id int);\n"
                + "/* about b */\ncreate table b (\n  id int\n);   create table c (id int);\n");
        assertEquals(List.of(3, 5, 7), located.stream().map(SqlStatements.Located::line).toList());
        assertEquals("create table b (\n  id int\n)", located.get(1).sql());
    }

    @Test
    void theCliFormKeepsTheCommentsInFrontOfAStatement() {
        assertEquals(List.of("create table a (id int)", "/* about b */\ncreate table b (id int)"),
                SqlStatements.split("create table a (id int);\n/* about b */\ncreate table b (id int);\n-- end\n"));
    }
}
