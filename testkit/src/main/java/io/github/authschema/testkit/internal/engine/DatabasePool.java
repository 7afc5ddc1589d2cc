package io.github.authschema.testkit.internal.engine;

import io.github.authschema.testkit.SupabaseKitException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clones databases from a migrated template, one step ahead of the tests: a background thread
 * keeps a few clones ready, so taking one costs a queue poll. Dropping happens in the background.
 */
public final class DatabasePool implements AutoCloseable {
    private static final int READY = 4;
    /** Clones run concurrently: each waits on checkpoints and file copies more than on the CPU. */
    private static final int CLONERS = 2;

    private final PostgresServer server;
    private final String template;
    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(READY);
    private final ExecutorService cloner;
    private final ExecutorService dropper;
    private volatile boolean closed;
    private final Thread dropOnExit = new Thread(this::dropAllOnExit, "authschema-pool-exit");

    public DatabasePool(PostgresServer server, String template, String prefix) {
        this.server = server;
        this.template = template;
        this.prefix = prefix;
        this.cloner = Executors.newFixedThreadPool(CLONERS, daemon("authschema-clone"));
        this.dropper = Executors.newSingleThreadExecutor(daemon("authschema-drop"));
        for (int i = 0; i < CLONERS; i++) {
            cloner.execute(this::fill);
        }
        // an interrupted JVM (Ctrl-C, a cancelled CI job) must not leave databases on an external server
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    void dropAllOnExit() {
        closed = true;
        cloner.shutdownNow();
        try {
            // a clone in flight finishes after the interrupt; wait so that it is dropped too
            cloner.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection c = Jdbc.admin(server, "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select datname from pg_database where datname like '"
                     + prefix.replace("_", "\\_") + "\\_%'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            for (String name : names) {
                drop(name);
            }
        } catch (SQLException | RuntimeException ignored) {
            // the server may be stopping too; an embedded one takes its data with it
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A fresh database cloned from the template. */
    public String take() {
        if (closed) {
            throw new IllegalStateException("This SupabasePostgres is closed");
        }
        try {
            Object next = ready.poll(60, TimeUnit.SECONDS);
            if (next == null) {
                return cloneNow();
            }
            if (next instanceof RuntimeException) {
                throw (RuntimeException) next;
            }
            return (String) next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupabaseKitException("Interrupted while waiting for a fresh database", e);
        }
    }

    private void fill() {
        while (!closed) {
            Object item;
            try {
                item = cloneNow();
            } catch (RuntimeException e) {
                item = e;
            }
            try {
                ready.put(item);
            } catch (InterruptedException e) {
                if (item instanceof String) {
                    drop((String) item);
                }
                return;
            }
            if (item instanceof RuntimeException) {
                return;
            }
        }
    }

    public String cloneNow() {
        String name = prefix + "_" + counter.incrementAndGet();
        Jdbc.cloneDatabase(server, template, name);
        return name;
    }

    /** Drops a database in the background; the caller does not wait for it. */
    public void release(String database) {
        if (!dropper.isShutdown()) {
            dropper.execute(() -> drop(database));
        }
    }

    void drop(String database) {
        Jdbc.dropDatabase(server, database);
    }

    @Override
    public void close() {
        closed = true;
        cloner.shutdownNow();
        try {
            cloner.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Object item;
        while ((item = ready.poll()) != null) {
            if (item instanceof String) {
                release((String) item);
            }
        }
        dropper.shutdown();
        try {
            dropper.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (template.startsWith(prefix + "_")) {
            // the pool's own template; one from the cache is shared by every pool on its server
            drop(template);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway and finds nothing left to drop
        }
    }
}
