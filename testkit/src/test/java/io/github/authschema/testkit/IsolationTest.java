package io.github.authschema.testkit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@SupabaseTest(migrations = "classpath:fixtures/profiles")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationTest {
    private static String firstDatabase;

    @Test
    @Order(1)
    void writesInOneTest(SupabaseDatabase db) throws Exception {
        firstDatabase = db.name();
        db.auth().signUp("first@example.com", "pw");
        assertEquals(1L, Sql.count(db.dataSource(), "select count(*) from auth.users"));
    }

    @Test
    @Order(2)
    void seesNothingOfItInTheNext(SupabaseDatabase db, SupabasePostgres pg) throws Exception {
        assertNotEquals(firstDatabase, db.name());
        assertEquals(0L, Sql.count(db.dataSource(), "select count(*) from auth.users"));
        assertEquals(0L, Sql.count(db.dataSource(), "select count(*) from public.profiles"));
        assertNotEquals(pg.templateName(), db.name());
    }

    @Test
    @Order(3)
    void parametersOfOneTestShareOneDatabase(SupabaseDatabase db, Auth auth) throws Exception {
        auth.signUp("same@example.com", "pw");
        assertEquals(1L, Sql.count(db.dataSource(), "select count(*) from auth.users"));
    }
}
