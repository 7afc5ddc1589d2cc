package io.github.authschema.bench;

import io.github.authschema.testkit.SupabaseDatabase;
import io.github.authschema.testkit.SupabasePostgres;

import java.nio.file.Path;

/**
 * A test JVM's start, alone in its JVM: the kit on a workload until the first fresh database is
 * handed out. Args: the migrations directory, the cache directory, and whether to use the cache.
 */
public final class TestkitStart {
    private TestkitStart() {
    }

    public static void main(String[] args) {
        Path migrations = Path.of(args[0]);
        try (SupabasePostgres pg = SupabasePostgres.builder().baseDirectory(migrations.getParent())
                .migrations("filesystem:" + migrations.getFileName()).cacheDirectory(Path.of(args[1])).cache(Boolean.parseBoolean(args[2]))
                .start(); SupabaseDatabase db = pg.newDatabase()) {
            System.out.println("ready " + db.name());
        }
    }
}
