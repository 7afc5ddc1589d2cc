package io.github.authschema.testkit.internal.migrate;

import io.github.authschema.testkit.internal.platform.StandInExtensions;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.jdbc.Results;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resolver.ResolvedMigrationImpl;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hands Flyway the migrations whose statements can travel in one JDBC batch: Flyway still orders
 * them, opens and commits one transaction per migration and writes its history (with the checksum
 * its own resolver would compute), but the statements reach PostgreSQL in one round trip instead of
 * one each. The Supabase CLI sends a migration the same way. On a thousand-table schema the round
 * trips were about a second of verify's time.
 *
 * <p>A migration that needs Flyway's own handling (COPY data, statements that cannot run in a
 * transaction, its own transaction control) is left to Flyway's resolver.
 */
final class PipelinedMigrations implements MigrationResolver {
    private static final Pattern NEEDS_FLYWAY = Pattern.compile("(?i)(?:"
            + "copy\\b"
            + "|(?:create|drop)\\s+(?:database|tablespace|subscription)\\b"
            + "|alter\\s+system\\b"
            + "|(?:create|drop)\\s+(?:unique\\s+)?index\\s+concurrently\\b"
            + "|reindex\\b|vacuum\\b|discard\\b"
            + "|(?:begin|start\\s+transaction|commit|end|rollback|abort|savepoint|release|prepare\\s+transaction)\\b"
            + ")");

    private final Map<String, MigrationFile> files = new LinkedHashMap<>();
    private final Map<String, List<SqlStatements.Located>> statements = new LinkedHashMap<>();

    /** Takes, of {@code byFlywayName} (migrations under the names Flyway sees), those that can travel as one batch. */
    PipelinedMigrations(Map<String, MigrationFile> byFlywayName) {
        byFlywayName.forEach((name, file) -> {
            List<SqlStatements.Located> located = SqlStatements.locate(file.sql());
            if (!needsFlyway(located)) {
                files.put(name, file);
                statements.put(name, located);
            }
        });
    }

    /** Whether this resolver runs the migration Flyway knows by {@code name}; Flyway's own resolver runs the rest. */
    boolean takes(String name) {
        return files.containsKey(name);
    }

    /** Statements only Flyway's own path runs right: COPY, CONCURRENTLY, their own transaction control, … */
    static boolean needsFlyway(List<SqlStatements.Located> statements) {
        return statements.stream().anyMatch(s -> NEEDS_FLYWAY.matcher(s.sql()).lookingAt());
    }

    @Override
    public Collection<ResolvedMigration> resolveMigrations(Context context) {
        List<ResolvedMigration> out = new ArrayList<>();
        files.forEach((name, file) -> {
            int separator = name.indexOf("__");
            String version = name.substring(1, separator);
            String description = name.substring(separator + 2, name.length() - ".sql".length()).replace('_', ' ');
            int checksum = ChecksumCalculator.calculate(new FlywayResource(name, file));
            out.add(new ResolvedMigrationImpl(MigrationVersion.fromVersion(version), description, name, checksum, null,
                    CoreMigrationType.SQL, file.path().toString(), new BatchExecutor(statements.get(name))));
        });
        return out;
    }

    /** Runs one migration's statements as a single batch inside Flyway's transaction. */
    private static final class BatchExecutor implements MigrationExecutor {
        private final List<SqlStatements.Located> statements;

        BatchExecutor(List<SqlStatements.Located> statements) {
            this.statements = statements;
        }

        @Override
        public List<Results> execute(org.flywaydb.core.api.executor.Context context) throws SQLException {
            try (Statement s = context.getConnection().createStatement()) {
                List<SqlStatements.Located> statements = forThisServer(context.getConnection());
                s.execute("savepoint authschema_batch");
                try {
                    for (SqlStatements.Located statement : statements) {
                        s.addBatch(statement.sql());
                    }
                    s.executeBatch();
                } catch (BatchUpdateException e) {
                    // the batch says only that it failed; run it again statement by statement for which one and why
                    s.clearBatch();
                    s.execute("rollback to savepoint authschema_batch");
                    for (SqlStatements.Located statement : statements) {
                        try {
                            s.execute(statement.sql());
                        } catch (SQLException failed) {
                            throw new FailedStatement(statement, failed);
                        }
                    }
                    throw e;
                }
                s.execute("release savepoint authschema_batch");
            }
            return List.of();
        }

        /** The statements, with pgvector's index options left out where the server has the vector stand-in. */
        private List<SqlStatements.Located> forThisServer(Connection connection) throws SQLException {
            List<SqlStatements.Located> adapted = statements.stream()
                    .map(s -> new SqlStatements.Located(StandInExtensions.withoutVectorIndexOptions(s.sql()), s.line()))
                    .toList();
            return adapted.equals(statements) || !StandInExtensions.vectorIsStandIn(connection) ? statements : adapted;
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public boolean shouldExecute() {
            return true;
        }
    }

    /** The statement of a pipelined migration that failed, with PostgreSQL's error as the cause. */
    static final class FailedStatement extends SQLException {
        private final transient SqlStatements.Located statement;

        FailedStatement(SqlStatements.Located statement, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
            this.statement = statement;
        }

        SqlStatements.Located statement() {
            return statement;
        }
    }

    /**
     * Where a failed migration stopped: the file Flyway names, the statement and its line, and
     * PostgreSQL's error. Read from Flyway's own exception or from a batch's; with the resolver above,
     * the only code that knows Flyway's internal types, so a Flyway upgrade breaks one file.
     */
    record StoppedAt(String filename, String statement, int line, SQLException sqlException) {
    }

    static StoppedAt stoppedAt(FlywayException e) {
        FlywaySqlScriptException script = cause(e, FlywaySqlScriptException.class);
        FailedStatement batched = cause(e, FailedStatement.class);
        SQLException sql = cause(batched != null ? batched.getCause() : e, SQLException.class);
        if (script != null) {
            return new StoppedAt(script.getResource().getFilename(), script.getStatement(), script.getLineNumber(), sql);
        }
        if (batched != null) {
            return new StoppedAt(null, batched.statement().sql(), batched.statement().line(), sql);
        }
        return new StoppedAt(null, null, 0, sql);
    }

    private static <T> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
