package io.github.authschema.testkit.internal.migrate;

import io.github.authschema.testkit.SupabaseKitException;
import io.github.authschema.testkit.internal.Defaults;
import io.github.authschema.testkit.internal.engine.PostgresError;
import io.github.authschema.testkit.internal.platform.StandInExtensions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.resource.LoadableResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Applies a {@link MigrationSet} with Flyway, one transaction per migration, reporting each file as
 * it finishes and turning a failure into file, line, statement and SQLSTATE.
 */
public final class MigrationRunner {
    private final Duration statementTimeout;
    private final String migrationNameSetting;
    private final boolean pipelined;
    private final Duration lockTimeout;
    private final MigrationCheck beforeEach;

    /**
     * Runs in each migration's transaction before its first statement; throwing
     * {@link MigrationRefusedException} rolls the migration back and stops the run with that failure.
     */
    @FunctionalInterface
    public interface MigrationCheck {
        void before(MigrationFile file, Connection connection) throws SQLException;
    }

    public MigrationRunner() {
        this(Defaults.statementTimeout(), null);
    }

    /**
     * @param migrationNameSetting a session setting that holds the running migration's display path
     *                             while it runs, so event triggers can record where each change came
     *                             from; null for none
     */
    public MigrationRunner(Duration statementTimeout, String migrationNameSetting) {
        this(statementTimeout, migrationNameSetting, true, statementTimeout, null);
    }

    private MigrationRunner(Duration statementTimeout, String migrationNameSetting, boolean pipelined, Duration lockTimeout,
                            MigrationCheck beforeEach) {
        this.statementTimeout = statementTimeout;
        this.migrationNameSetting = migrationNameSetting;
        this.pipelined = pipelined;
        this.lockTimeout = lockTimeout;
        this.beforeEach = beforeEach;
    }

    /** This runner, giving up on a lock after {@code timeout} instead of after the statement timeout. */
    public MigrationRunner lockTimeout(Duration timeout) {
        return new MigrationRunner(statementTimeout, migrationNameSetting, pipelined, timeout, beforeEach);
    }

    /** This runner, with a check before each migration (see {@link MigrationCheck}). */
    public MigrationRunner beforeEach(MigrationCheck check) {
        return new MigrationRunner(statementTimeout, migrationNameSetting, pipelined, lockTimeout, check);
    }

    /**
     * This runner, but with every statement executed by Flyway itself, one round trip each, as
     * Flyway would on its own: for a production database, where fidelity matters more than speed.
     * By default migrations that allow it are sent as one batch per migration (see {@link PipelinedMigrations}).
     */
    public MigrationRunner statementByStatement() {
        return new MigrationRunner(statementTimeout, migrationNameSetting, false, lockTimeout, beforeEach);
    }

    private static Map<String, MigrationFile> byFlywayName(MigrationSet set) {
        Map<String, MigrationFile> byFlywayName = new LinkedHashMap<>();
        List<MigrationFile> files = set.files();
        for (int i = 0; i < files.size(); i++) {
            MigrationFile f = files.get(i);
            // Supabase's CLI orders by file name; Flyway by version. Positional versions keep the name order.
            String name = f.layout() == MigrationLayout.SUPABASE ? "V" + (i + 1) + "__" + f.description().replace("__", "_") + ".sql" : f.flywayName();
            byFlywayName.put(name, f);
        }
        return byFlywayName;
    }

    private Flyway flyway(DataSource dataSource, Map<String, MigrationFile> byFlywayName, Callback... callbacks) {
        PipelinedMigrations batched = new PipelinedMigrations(pipelined ? byFlywayName : Map.of());
        Map<String, MigrationFile> forFlyway = new LinkedHashMap<>(byFlywayName);
        forFlyway.keySet().removeIf(batched::takes);
        return Flyway.configure(MigrationRunner.class.getClassLoader())
                // Flyway's default holds its lock in an open transaction, which CREATE INDEX CONCURRENTLY
                // waits for until the statement timeout; a session lock serialises runs just as well
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .dataSource(dataSource)
                .loggers(QuietFlywayLog.class.getName())
                .resourceProvider(new Resources(forFlyway))
                .resolvers(batched)
                .locations("classpath:authschema/no-java-migrations")
                .failOnMissingLocations(false)
                .placeholderReplacement(false)
                .mixed(true)
                .cleanDisabled(true)
                .validateMigrationNaming(false)
                .initSql("set statement_timeout = " + statementTimeout.toMillis() + "; set lock_timeout = " + lockTimeout.toMillis())
                .callbacks(callbacks)
                .load();
    }

    /** What Flyway's validate finds wrong with the target's history: edited, missing or out-of-order migrations. */
    public List<String> validate(DataSource dataSource, MigrationSet set) {
        Map<String, MigrationFile> byName = byFlywayName(set);
        Flyway flyway = flyway(dataSource, byName);
        org.flywaydb.core.api.output.ValidateResult result = flyway.validateWithResult();
        List<String> problems = new ArrayList<>();
        for (org.flywaydb.core.api.MigrationInfo info : flyway.info().all()) {
            if (info.getState() == org.flywaydb.core.api.MigrationState.IGNORED && byName.containsKey(info.getScript())) {
                problems.add(byName.get(info.getScript()).displayPath() + " is older than the newest applied migration and was "
                        + "never applied (out of order). Give it a later version.");
            }
        }
        if (result.invalidMigrations != null) {
            for (org.flywaydb.core.api.output.ValidateOutput o : result.invalidMigrations) {
                String message = o.errorDetails == null ? o.description : o.errorDetails.errorMessage;
                if (message != null && !message.contains("not applied")) {
                    problems.add(message);
                }
            }
        }
        return problems;
    }

    /** The migrations the target has not applied yet, in order. */
    public List<MigrationFile> pending(DataSource dataSource, MigrationSet set) {
        Map<String, MigrationFile> byName = byFlywayName(set);
        List<MigrationFile> out = new ArrayList<>();
        for (org.flywaydb.core.api.MigrationInfo info : flyway(dataSource, byName).info().pending()) {
            MigrationFile f = byName.get(info.getScript());
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Applies the set and goes on past failing migrations: each failing one is rolled back, left out,
     * and the rest applied, so a legacy folder's failures are all listed at once. The schema is then
     * what the passing migrations build.
     */
    public MigrationRun applyContinuing(DataSource dataSource, MigrationSet set, MigrationListener listener) {
        List<MigrationFile> remaining = new ArrayList<>(set.files());
        List<MigrationFailure> failures = new ArrayList<>();
        Map<MigrationFile, MigrationOutcome> outcomes = new LinkedHashMap<>();
        while (true) {
            MigrationRun run = apply(dataSource, new MigrationSet(remaining, List.of()), listener);
            run.outcomes().stream().filter(o -> o.status() == MigrationOutcome.Status.APPLIED).forEach(o -> outcomes.put(o.file(), o));
            if (run.failure().isEmpty()) {
                break;
            }
            MigrationFailure failed = run.failure().get();
            failures.add(failed);
            run.outcomes().stream().filter(o -> o.file() == failed.file()).forEach(o -> outcomes.put(o.file(), o));
            int at = remaining.indexOf(failed.file());
            if (at < 0 || at == remaining.size() - 1) {
                break;
            }
            remaining.remove(at);
        }
        List<MigrationOutcome> all = new ArrayList<>();
        for (MigrationFile f : set.files()) {
            all.add(outcomes.getOrDefault(f, new MigrationOutcome(f, MigrationOutcome.Status.PENDING, 0)));
        }
        return new MigrationRun(all, failures, null);
    }

    public MigrationRun apply(DataSource dataSource, MigrationSet set, MigrationListener listener) {
        Map<String, MigrationFile> byFlywayName = byFlywayName(set);
        List<MigrationFile> files = set.files();
        Progress progress = new Progress(byFlywayName, listener, migrationNameSetting, beforeEach);
        Flyway flyway = flyway(dataSource, byFlywayName, progress);
        QuietFlywayLog.warnings(listener);
        MigrationFailure failure = null;
        Throwable cause = null;
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            cause = e;
            failure = refusal(e).orElseGet(() -> describe(e, byFlywayName, progress.current));
            if (failure == null) {
                throw new SupabaseKitException("Flyway could not apply the migrations: " + e.getMessage(), e);
            }
            listener.failed(failure.file(), progress.elapsed(), failure);
        } finally {
            QuietFlywayLog.warnings(null);
        }
        List<MigrationOutcome> outcomes = new ArrayList<>();
        for (MigrationFile f : files) {
            Long ms = progress.millis.get(f);
            if (ms != null) {
                outcomes.add(new MigrationOutcome(f, MigrationOutcome.Status.APPLIED, ms));
            } else if (failure != null && failure.file() == f) {
                outcomes.add(new MigrationOutcome(f, MigrationOutcome.Status.FAILED, progress.elapsed()));
            } else {
                outcomes.add(new MigrationOutcome(f, MigrationOutcome.Status.PENDING, 0));
            }
        }
        return new MigrationRun(outcomes, failure, cause);
    }

    /** What a statement that gave up at lock_timeout is told: one sentence, whichever runner applied it. */
    public static String lockTimeoutHint(Duration lockTimeout) {
        return ". It waited longer than the lock timeout of " + lockTimeout.toMillis() + " ms for a lock another session holds";
    }

    private static Optional<MigrationFailure> refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MigrationRefusedException refused) {
                return Optional.of(refused.failure());
            }
        }
        return Optional.empty();
    }

    private MigrationFailure describe(FlywayException e, Map<String, MigrationFile> byName, MigrationFile current) {
        PipelinedMigrations.StoppedAt at = PipelinedMigrations.stoppedAt(e);
        MigrationFile file = at.filename() != null && byName.containsKey(at.filename()) ? byName.get(at.filename()) : current;
        if (file == null) {
            return null;
        }
        String statement = at.statement();
        int line = at.line();
        String state = null;
        String message = e.getMessage();
        if (at.sqlException() != null) {
            PostgresError error = PostgresError.of(at.sqlException());
            state = error.sqlState();
            message = error.explained();
            if (statement != null && error.position() > 0 && line > 0) {
                line += newlinesBefore(statement, error.position() - 1);
            }
        }
        Matcher missing = Pattern.compile("extension \"([^\"]+)\" is not available").matcher(message);
        if (missing.find()) {
            message = "extension \"" + missing.group(1) + "\" is not installed on this PostgreSQL server. Embedded PostgreSQL has "
                    + "the contrib extensions (pgcrypto, uuid-ossp, citext, ...) and authschema's stand-ins for "
                    + String.join(", ", StandInExtensions.names()) + "; " + missing.group(1) + " is not among them. "
                    + "Use engine TESTCONTAINERS with an image that has " + missing.group(1)
                    + " (such as supabase/postgres), or an EXTERNAL server that has it";
        }
        if ("55P03".equals(state) && lockTimeout.compareTo(statementTimeout) < 0) {
            message += lockTimeoutHint(lockTimeout);
        } else if ("57014".equals(state) || "55P03".equals(state)) {
            message += ". The statement ran past the statement timeout of " + statementTimeout.toSeconds()
                    + " s (a lock wait or an endless loop?). Raise statementTimeout if it is legitimately slow.";
        }
        return new MigrationFailure(file, line, statement, state, message);
    }

    private static int newlinesBefore(String text, int index) {
        int n = 0;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Times each migration and tells the listener; Flyway reports per file through callbacks. */
    private static final class Progress implements Callback {
        private final Map<String, MigrationFile> byName;
        private final MigrationListener listener;
        private final Map<MigrationFile, Long> millis = new LinkedHashMap<>();
        private final String nameSetting;
        private final MigrationCheck beforeEach;
        private MigrationFile current;
        private long started;

        Progress(Map<String, MigrationFile> byName, MigrationListener listener, String nameSetting, MigrationCheck beforeEach) {
            this.byName = byName;
            this.listener = listener;
            this.nameSetting = nameSetting;
            this.beforeEach = beforeEach;
        }

        long elapsed() {
            return (System.nanoTime() - started) / 1_000_000;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                current = byName.get(context.getMigrationInfo().getScript());
                started = System.nanoTime();
                name(context, current == null ? "" : current.displayPath());
                if (beforeEach != null && current != null) {
                    try {
                        beforeEach.before(current, context.getConnection());
                    } catch (SQLException e) {
                        throw new IllegalStateException("Checking " + current.displayPath() + " before applying it failed: " + e.getMessage(), e);
                    }
                }
            } else if (current != null) {
                name(context, "");
                long ms = elapsed();
                millis.put(current, ms);
                listener.applied(current, ms);
            }
        }

        private void name(Context context, String migration) {
            if (nameSetting == null) {
                return;
            }
            try (PreparedStatement ps = context.getConnection().prepareStatement("select set_config(?, ?, false)")) {
                ps.setString(1, nameSetting);
                ps.setString(2, migration);
                ps.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record the running migration's name: " + e.getMessage(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "authschema-progress";
        }
    }

    /** Hands Flyway exactly the files we scanned, under Flyway-style names. */
    private static final class Resources implements ResourceProvider {
        private final Map<String, MigrationFile> byName;

        Resources(Map<String, MigrationFile> byName) {
            this.byName = byName;
        }

        @Override
        public LoadableResource getResource(String name) {
            MigrationFile f = byName.get(name);
            return f == null ? null : new FlywayResource(name, f);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return byName.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix) && Arrays.stream(suffixes).anyMatch(e.getKey()::endsWith))
                    .map(e -> new FlywayResource(e.getKey(), e.getValue()))
                    .collect(Collectors.toList());
        }
    }
}
