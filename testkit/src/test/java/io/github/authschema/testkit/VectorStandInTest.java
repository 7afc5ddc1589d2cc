package io.github.authschema.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vector stand-in takes an AI app's migration as pgvector 0.8.0 does (types with dimensions,
 * tuned hnsw and ivfflat indexes, a search function) and computes pgvector's values.
 */
@SupabaseTest(migrations = "classpath:fixtures/vector-app")
class VectorStandInTest {

    @Test
    void anAiAppsMigrationAppliesWithItsTunedIndexes(SupabaseDatabase db) throws Exception {
        assertEquals(List.of("documents_embedding_hnsw hnsw", "documents_embedding_ivfflat ivfflat", "documents_summary_hnsw hnsw"),
                Sql.column(db.dataSource(), "select c.relname || ' ' || am.amname from pg_index i join pg_class c on c.oid = i.indexrelid"
                        + " join pg_am am on am.oid = c.relam where i.indrelid = 'public.documents'::regclass and am.amname <> 'btree' order by 1"));
        assertEquals("vector(3)", Sql.one(db.dataSource(),
                "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'public.documents'::regclass and attname = 'embedding'"));
        assertEquals("extensions", Sql.one(db.dataSource(), "select extnamespace::regnamespace::text from pg_extension where extname = 'vector'"));
    }

    @Test
    void theSearchFunctionRanksByCosineDistance(SupabaseDatabase db) throws Exception {
        AuthUser owner = db.auth().signUp("reader@example.com", "a-long-password");
        try (Connection c = db.connectAsServiceRole(); Statement s = c.createStatement()) {
            s.execute("insert into public.documents (owner_id, content, embedding) values ('" + owner.id() + "', 'far', '[-1,-2,-3]'),"
                    + " ('" + owner.id() + "', 'near', '[1,2,3.5]'), ('" + owner.id() + "', 'same', '[2,4,6]')");
        }
        try (Connection c = db.connectAs(owner)) {
            assertEquals(List.of("same", "near", "far"), Sql.column(c, "select content from public.match_documents('[1,2,3]', 5)"));
            assertEquals(1.0, (Double) Sql.one(c, "select similarity from public.match_documents('[1,2,3]', 1)"), 1e-6);
        }
    }

    /**
     * Values and messages of pgvector's own regression test, test/expected/functions.out (pgvector/pgvector
     * at 047877f4958dfefa291b56eb52650d7c06cf7ade), with the literals typed since 0.7 added overloads.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            select l2_distance('[0,0]'::vector, '[3,4]')                    | 5
            select inner_product('[1,2]'::vector, '[3,4]')                  | 11
            select cosine_distance('[1,2]'::vector, '[2,4]')                | 0
            select cosine_distance('[1,2]'::vector, '[0,0]')                | NaN
            select cosine_distance('[1,1]'::vector, '[-1.1,-1.1]')          | 2
            select l1_distance('[0,0]'::vector, '[3,4]')                    | 7
            select vector_norm('[3,4]')                                     | 5
            select vector_dims('[1,2,3]'::vector)                           | 3
            select '[1,2,3]'::vector + '[4,5,6]'                            | [5,7,9]
            select '[1,2,3]'::vector - '[4,5,6]'                            | [-3,-3,-3]
            select '[1,2,3]'::vector * '[4,5,6]'                            | [4,10,18]
            select avg(v) from unnest(array['[1,2,3]'::vector, '[3,5,7]', null]) v | [2,3.5,5]
            select sum(v) from unnest(array['[1,2,3]'::vector, '[3,5,7]', null]) v | [4,7,10]
            select avg(v) from unnest(array['[3e38]'::vector, '[3e38]']) v  | [3e+38]
            select '[0,0]'::vector <-> '[3,4]'                              | 5
            select '[1,2]'::vector <#> '[3,4]'                              | -11
            select '[0,0]'::vector <+> '[3,4]'                              | 7
            select '{1:3,2:4}/2'::sparsevec <-> '{}/2'                      | 5
            select '[0.1,2]'::halfvec(2)::text                              | [0.099975586,2]
            select '101'::bit(3) <~> '011'                                  | 2
            """)
    void distancesAndArithmeticAreThoseOfPgvector(String query, String expected, SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("set search_path = public, extensions");
            assertEquals(expected, String.valueOf(Sql.one(c, "select (" + query + ")::text")));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            select l2_distance('[1,2]'::vector, '[3]')                       | different vector dimensions 2 and 1
            select '[3e38]'::vector + '[3e38]'                               | value out of range: overflow
            select avg(v) from unnest(array['[1,2]'::vector, '[3]']) v       | expected 2 dimensions, not 1
            select '[1,2]'::vector(3)                                        | expected 3 dimensions, not 2
            create table public.flat (e vector(0))                           | dimensions for type vector must be at least 1
            create table public.wide (e vector(16001))                       | dimensions for type vector cannot exceed 16000
            select '[1,"a"]'::vector(2)                                      | invalid input syntax for type vector
            """)
    void mistakesGetPgvectorsMessages(String statement, String message, SupabaseDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("set search_path = public, extensions");
            SQLException e = assertThrows(SQLException.class, () -> s.execute(statement));
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }

    @Test
    void anEmbeddingOfTheWrongSizeIsRefusedAsPgvectorRefusesIt(SupabaseDatabase db) throws Exception {
        AuthUser owner = db.auth().signUp("writer@example.com", "a-long-password");
        try (Connection c = db.connectAsServiceRole(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute(
                    "insert into public.documents (owner_id, content, embedding) values ('" + owner.id() + "', 'x', '[1,2]')"));
            assertEquals("22000", e.getSQLState());
            assertTrue(e.getMessage().contains("expected 3 dimensions, not 2"), e.getMessage());
        }
    }
}
