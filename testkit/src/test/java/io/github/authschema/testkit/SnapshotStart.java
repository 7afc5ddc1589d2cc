package io.github.authschema.testkit;

import java.nio.file.Path;

/**
 * A test JVM of its own: starts the kit on a project with a cache directory and prints how its
 * template came to be and how long until the first fresh database. Args: project dir, cache dir.
 */
public final class SnapshotStart {
    private SnapshotStart() {
    }

    public static void main(String[] args) {
        long t = System.nanoTime();
        SupabasePostgres.Builder builder = SupabasePostgres.builder().baseDirectory(Path.of(args[0]))
                .migrations("filesystem:supabase/migrations").cache(true).cacheDirectory(Path.of(args[1]));
        try (SupabasePostgres pg = builder.start(); SupabaseDatabase db = pg.newDatabase()) {
            System.out.println("start=" + builder.started);
            System.out.println("first_database_ms=" + (System.nanoTime() - t) / 1_000_000);
        }
    }
}
