package io.github.authschema.testkit.internal.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VectorIndexOptionsTest {

    @Test
    void pgvectorsIndexOptionsAreBlankedKeepingEveryOffset() {
        String statement = "create index docs_hnsw on public.documents\n  using \"hnsw\" ((embedding::vector(3)) vector_cosine_ops)\n"
                + "  with (m = 16,\n ef_construction = 64) where (content <> ')');";
        String adapted = StandInExtensions.withoutVectorIndexOptions(statement);
        assertEquals(statement.length(), adapted.length());
        assertEquals(statement.lines().count(), adapted.lines().count());
        assertEquals("create index docs_hnsw on public.documents\n  using \"hnsw\" ((embedding::vector(3)) vector_cosine_ops)\n"
                + " ".repeat(15) + "\n" + " ".repeat(23) + "where (content <> ')');", adapted);
    }

    @Test
    void otherStatementsAreLeftAsWritten() {
        for (String statement : new String[] {
                "create index on t using btree (a) with (fillfactor = 70)",
                "create index on t using ivfflat (embedding)",
                "select 'using hnsw (x) with (m = 1)'",
                "create index on t using hnsw (embedding vector_l2_ops) tablespace pg_default"}) {
            assertEquals(statement, StandInExtensions.withoutVectorIndexOptions(statement));
        }
    }
}
