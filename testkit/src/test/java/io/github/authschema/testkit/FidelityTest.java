package io.github.authschema.testkit;

import io.github.authschema.testkit.internal.platform.AuthServiceVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulated auth schema against the pinned list in {@code auth-schema-pinned.txt}, read from the
 * auth service's migrations at {@link AuthServiceVersion#PINNED}. A change on either side shows as a
 * line diff.
 */
@SupabaseTest
class FidelityTest {

    @Test
    void authUsersAndIdentitiesMatchThePinnedShape(SupabaseDatabase db) throws Exception {
        List<String> actual = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            for (Object row : Sql.column(c, "select format('column %s.%s %s default=%s null=%s generated=%s', table_name, column_name, "
                    + "format_type(a.atttypid, a.atttypmod), coalesce(column_default, '-'), is_nullable, coalesce(generation_expression, '-')) "
                    + "from information_schema.columns ic join pg_attribute a on a.attrelid = format('%I.%I', ic.table_schema, ic.table_name)::regclass "
                    + "and a.attname = ic.column_name where table_schema = 'auth' and table_name in ('users', 'identities') "
                    + "order by table_name desc, ordinal_position")) {
                actual.add((String) row);
            }
            for (Object row : Sql.column(c, "select format('index %s.%s %s', t.relname, i.relname, pg_get_indexdef(i.oid)) "
                    + "from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid "
                    + "where t.relnamespace = 'auth'::regnamespace and t.relname in ('users', 'identities') order by t.relname desc, i.relname")) {
                actual.add(((String) row).replace("auth.", ""));
            }
            for (Object row : Sql.column(c, "select format('constraint %s.%s %s', t.relname, k.conname, pg_get_constraintdef(k.oid)) "
                    + "from pg_constraint k join pg_class t on t.oid = k.conrelid "
                    + "where t.relnamespace = 'auth'::regnamespace and t.relname in ('users', 'identities') order by t.relname desc, k.conname")) {
                actual.add(((String) row).replace("auth.", ""));
            }
        }
        assertEquals(pinned(), String.join("\n", actual));
        assertEquals(35, actual.stream().filter(l -> l.startsWith("column users.")).count());
        assertTrue(AuthServiceVersion.PINNED.startsWith("supabase/auth@"));
    }

    @Test
    void everyAuthTableHasRowLevelSecurityAndTheUserCascades(SupabaseDatabase db) throws Exception {
        assertEquals(0L, Sql.count(db.dataSource(), "select count(*) from pg_class where relnamespace = 'auth'::regnamespace "
                + "and relkind = 'r' and not relrowsecurity"));
        List<Object> cascades = Sql.column(db.dataSource(), "select conrelid::regclass::text from pg_constraint "
                + "where confrelid = 'auth.users'::regclass and confdeltype = 'c' order by 1");
        // supabase/auth migrations at the pinned commit: every foreign key to auth.users cascades, the
        // OAuth server's (20250804100000_add_oauth_authorizations_consents) and passkeys' (20260302000000_add_passkeys) too
        assertEquals(List.of("auth.identities", "auth.mfa_factors", "auth.oauth_authorizations", "auth.oauth_consents",
                "auth.one_time_tokens", "auth.sessions", "auth.webauthn_challenges", "auth.webauthn_credentials"), cascades);
        assertEquals("a", Sql.one(db.dataSource(), "select confdeltype::text from pg_constraint where conname = 'objects_owner_fkey'"),
                "storage.objects.owner has no cascade, as on Supabase");
    }

    private static String pinned() throws IOException {
        try (InputStream in = FidelityTest.class.getResourceAsStream("/auth-schema-pinned.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.joining("\n"));
        }
    }
}
