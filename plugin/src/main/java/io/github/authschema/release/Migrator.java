package io.github.authschema.release;

import io.github.authschema.InvalidInputException;
import io.github.authschema.catalog.CatalogReader;
import io.github.authschema.catalog.Origins;
import io.github.authschema.rules.engine.BuildGate;
import io.github.authschema.rules.engine.BuildGate.Verdict;
import io.github.authschema.testkit.internal.engine.ExternalServer;
import io.github.authschema.testkit.internal.engine.SimpleDataSource;
import io.github.authschema.testkit.internal.migrate.MigrationFailure;
import io.github.authschema.testkit.internal.migrate.MigrationFile;
import io.github.authschema.testkit.internal.migrate.MigrationLayout;
import io.github.authschema.testkit.internal.migrate.MigrationListener;
import io.github.authschema.testkit.internal.migrate.MigrationRefusedException;
import io.github.authschema.testkit.internal.migrate.MigrationRunner;
import io.github.authschema.testkit.internal.migrate.MigrationSet;
import io.github.authschema.testkit.internal.migrate.SqlStatements;
import io.github.authschema.verify.Credentials;
import io.github.authschema.verify.VerifyConfig;
import io.github.authschema.verify.VerifyLog;
import io.github.authschema.verify.VerifyResult;
import io.github.authschema.verify.Verifier;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The release step: verify on a throwaway database first; only if that passes, apply the pending
 * migrations to the target, recording history where the project's tools expect it (the Supabase
 * CLI's supabase_migrations.schema_migrations, or Flyway's table), then compare the target's schema
 * with what the migrations build.
 */
public final class Migrator {
    /** One lock for every writer of the CLI history, so two releases cannot interleave. */
    private static final String HISTORY_LOCK = "select pg_advisory_xact_lock(hashtext('supabase_migrations.schema_migrations'))";

    private final VerifyLog log;

    public Migrator(VerifyLog log) {
        this.log = log;
    }

    /** How a release goes: a dry run, which differences stop it before its first write, how long a statement may wait for a lock. */
    public record Options(boolean dryRun, FailOnDrift failOnDrift, Duration lockTimeout) {
        public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

        public static Options defaults() {
            return new Options(false, FailOnDrift.TOUCHED, DEFAULT_LOCK_TIMEOUT);
        }

        public Options dryRun(boolean value) {
            return new Options(value, failOnDrift, lockTimeout);
        }
    }

    public MigrateResult migrate(VerifyConfig config, Credentials target, BuildGate gate, Options options) {
        VerifyResult verification = new Verifier(log).verify(config);
        Verdict verdict = gate.judge(verification.findings());
        if (verdict.fails()) {
            return new MigrateResult.Refused(verification, verdict);
        }
        MigrationSet set = config.scanMigrations();
        boolean cli = !set.files().isEmpty() && set.files().get(0).layout() == MigrationLayout.SUPABASE;
        String where = ExternalServer.hostAndPort(target.url());
        try (Connection c = ExternalServer.openSession(target.url(), target.user(), target.password())) {
            DataSource ds = new UrlDataSource(target);
            MigrationRunner runner = new MigrationRunner(config.statementTimeout(), null).statementByStatement()
                    .lockTimeout(options.lockTimeout());
            List<String> problems;
            List<MigrationFile> pending;
            if (cli) {
                Map<String, List<String>> applied = cliHistory(c);
                problems = cliProblems(set, applied);
                pending = set.files().stream().filter(f -> !applied.containsKey(f.version())).toList();
            } else {
                problems = runner.validate(ds, set);
                pending = runner.pending(ds, set);
            }
            if (!problems.isEmpty()) {
                return new MigrateResult.HistoryMismatch(verification, verdict, problems, drift(c, verification.schema()));
            }
            // before the first write: is the target what the migrations it has applied build?
            List<MigrationFile> applied = set.files().stream().filter(f -> !pending.contains(f)).toList();
            SortedSet<String> expected = pending.isEmpty() ? verification.schema() : new Verifier(log).schemaAfter(config, applied);
            MigrateResult.Drift before = drift(c, expected);
            List<MigrateResult.Conflict> conflicts = DriftCheck.conflicts(before, pending);
            boolean refuse = switch (options.failOnDrift()) {
                case TOUCHED -> !conflicts.isEmpty();
                case ANY -> !before.isEmpty();
                case NONE -> false;
            };
            if (refuse) {
                return new MigrateResult.Drifted(verification, verdict, applied.size(), conflicts, skips(c, pending), before);
            }
            if (options.dryRun()) {
                return new MigrateResult.DryRun(verification, verdict, pending.stream().map(MigrationFile::displayPath).toList(), before);
            }
            log.info("Applying " + pending.size() + " pending migration(s) to " + where + " (lock_timeout " + options.lockTimeout().toMillis()
                    + " ms)");
            List<String> done = new ArrayList<>();
            Optional<MigrationFailure> failure;
            try (LockWatch watch = new LockWatch(target)) {
                if (cli) {
                    failure = applyCli(c, pending, done, watch, options.lockTimeout());
                } else {
                    failure = runner.beforeEach((file, session) -> {
                        watch.watch(backendPid(session));
                        refuseSkippedCreates(session, file, SqlStatements.locate(file.sql()));
                    }).apply(ds, set, new MigrationListener() {
                        @Override
                        public void applied(MigrationFile file, long millis) {
                            done.add(file.displayPath());
                            log.info(String.format("  %-60s %6d ms", file.displayPath(), millis));
                        }
                    }).failure();
                }
                failure = failure.map(f -> "55P03".equals(f.sqlState()) ? watch.namingHolder(f) : f);
            }
            return new MigrateResult.Applied(verification, verdict, done, failure, drift(c, verification.schema()));
        } catch (SQLException e) {
            throw new InvalidInputException("Migrating " + where + " failed: " + e.getMessage(), e);
        }
    }

    /** Each pending CREATE … IF NOT EXISTS the target as it is would skip, with how its object differs there. */
    private static List<String> skips(Connection target, List<MigrationFile> pending) throws SQLException {
        List<String> out = new ArrayList<>();
        for (MigrationFile f : pending) {
            for (SqlStatements.Located statement : SqlStatements.locate(f.sql())) {
                Optional<SkippedCreates.Skip> skip = SkippedCreates.check(target, statement.sql());
                if (skip.isPresent()) {
                    out.add(f.displayPath() + ":" + statement.line() + " " + skip.get().statement() + " would be skipped:"
                            + skip.get().difference());
                }
            }
        }
        return out;
    }

    /** A CREATE … IF NOT EXISTS the target would skip, for an object of another shape: the migration is refused before it runs. */
    private void refuseSkippedCreates(Connection target, MigrationFile file, List<SqlStatements.Located> statements) throws SQLException {
        for (SqlStatements.Located statement : statements) {
            refuseSkippedCreate(target, file, statement);
        }
    }

    private void refuseSkippedCreate(Connection target, MigrationFile file, SqlStatements.Located statement) throws SQLException {
        Optional<SkippedCreates.Skip> skip = SkippedCreates.check(target, statement.sql());
        if (skip.isEmpty()) {
            return;
        }
        if (!skip.get().conflict()) {
            log.info("  " + file.displayPath() + ":" + statement.line() + " " + skip.get().statement() + " is skipped on the target: "
                    + skip.get().object() + " exists." + skip.get().difference());
            return;
        }
        throw new MigrationRefusedException(new MigrationFailure(file, statement.line(), statement.sql(), null,
                skip.get().statement() + " would be skipped on the target, where " + skip.get().object() + " already exists with another shape:"
                        + skip.get().difference() + " The application would then miss what this migration declares. Nothing of this "
                        + "migration was applied. Make the existing " + skip.get().object() + " match (ALTER TABLE … ADD COLUMN), or rename "
                        + "the migration's object"));
    }


    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Map<String, List<String>> cliHistory(Connection c) throws SQLException {
        Map<String, List<String>> applied = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet exists = s.executeQuery("select to_regclass('supabase_migrations.schema_migrations') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return applied;
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version, statements from supabase_migrations.schema_migrations order by version")) {
            while (rs.next()) {
                Array a = rs.getArray(2);
                applied.put(rs.getString(1), a == null ? List.of() : List.of((String[]) a.getArray()));
            }
        }
        return applied;
    }

    /** As Flyway validate does for its own table: edited, missing and out-of-order migrations. */
    private static List<String> cliProblems(MigrationSet set, Map<String, List<String>> applied) {
        List<String> problems = new ArrayList<>();
        Map<String, MigrationFile> files = new LinkedHashMap<>();
        set.files().forEach(f -> files.put(f.version(), f));
        String newest = applied.keySet().stream().max(String::compareTo).orElse("");
        for (Map.Entry<String, List<String>> e : applied.entrySet()) {
            MigrationFile f = files.get(e.getKey());
            if (f == null) {
                problems.add("Version " + e.getKey() + " is applied on the target but no migration file has it (missing).");
            } else if (!SqlStatements.normalized(SqlStatements.split(f.sql())).equals(SqlStatements.normalized(e.getValue()))) {
                problems.add(f.displayPath() + " was edited after it was applied to the target (its statements differ from the history).");
            }
        }
        for (MigrationFile f : set.files()) {
            if (!applied.containsKey(f.version()) && f.version().compareTo(newest) < 0) {
                problems.add(f.displayPath() + " is older than the newest applied migration (" + newest + ") and was never applied "
                        + "(out of order). Give it a later version.");
            }
        }
        return problems;
    }

    private Optional<MigrationFailure> applyCli(Connection c, List<MigrationFile> pending, List<String> applied, LockWatch watch,
                                                Duration lockTimeout) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set lock_timeout = " + lockTimeout.toMillis());
            watch.watch(backendPid(c));
            s.execute("create schema if not exists supabase_migrations");
            s.execute("create table if not exists supabase_migrations.schema_migrations "
                    + "(version text not null primary key, statements text[], name text)");
            c.commit();
            for (MigrationFile f : pending) {
                long started = System.nanoTime();
                s.execute(HISTORY_LOCK);
                SqlStatements.Located current = null;
                try {
                    for (SqlStatements.Located statement : SqlStatements.locate(f.sql())) {
                        current = statement;
                        refuseSkippedCreate(c, f, statement);
                        s.execute(statement.sql());
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "insert into supabase_migrations.schema_migrations (version, statements, name) values (?, ?, ?)")) {
                        ps.setString(1, f.version());
                        ps.setArray(2, c.createArrayOf("text", SqlStatements.split(f.sql()).toArray()));
                        ps.setString(3, f.description());
                        ps.executeUpdate();
                    }
                    c.commit();
                } catch (MigrationRefusedException refused) {
                    c.rollback();
                    return Optional.of(refused.failure());
                } catch (SQLException e) {
                    c.rollback();
                    String message = "55P03".equals(e.getSQLState()) ? e.getMessage() + MigrationRunner.lockTimeoutHint(lockTimeout)
                            : e.getMessage();
                    return Optional.of(current == null ? new MigrationFailure(f, 0, null, e.getSQLState(), message)
                            : new MigrationFailure(f, current.line(), current.sql(), e.getSQLState(), message));
                }
                applied.add(f.displayPath());
                log.info(String.format("  %-60s %6d ms", f.displayPath(), (System.nanoTime() - started) / 1_000_000));
            }
            return Optional.empty();
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The target's project objects against {@code expected}: what was changed by hand shows on one side. */
    private static MigrateResult.Drift drift(Connection c, SortedSet<String> expected) throws SQLException {
        return DriftCheck.diff(expected, CatalogReader.read(c, Origins.none()).summary());
    }

    /** New sessions on the target for Flyway, which opens several (history lock, migrations). */
    private static final class UrlDataSource extends SimpleDataSource {
        private final Credentials target;

        UrlDataSource(Credentials target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() {
            return ExternalServer.openSession(target.url(), target.user(), target.password());
        }

        @Override
        public String toString() {
            return ExternalServer.hostAndPort(target.url());
        }
    }
}
