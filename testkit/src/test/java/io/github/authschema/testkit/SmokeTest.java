package io.github.authschema.testkit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.*;

class SmokeTest {
    @Test
    void works() throws Exception {
        long t0 = System.nanoTime();
        try (SupabasePostgres pg = SupabasePostgres.builder().migrations("classpath:fixtures/profiles").start()) {
            System.out.println("start ms " + (System.nanoTime() - t0) / 1e6);
            for (int i = 0; i < 5; i++) {
                long t1 = System.nanoTime();
                try (SupabaseDatabase db = pg.newDatabase()) {
                    System.out.println("newdb ms " + (System.nanoTime() - t1) / 1e6);
                    AuthUser u = db.auth().signUp("A@x.com", "pw");
                    AuthUser p = db.auth().signInWithOtp("+1 555 123 4567");
                    assertEquals("15551234567", p.phone());
                    try (Connection c = db.connectAs(u); ResultSet rs = c.createStatement().executeQuery("select count(*) from profiles")) {
                        rs.next();
                        assertEquals(1, rs.getInt(1));
                    }
                    db.auth().deleteUser(u);
                }
            }
        }
    }
}
