package io.github.authschema.testkit.internal.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A connection on which every transaction is one PostgREST request: before its first statement the
 * request's preamble runs with {@code set_config(…, true)}, so role, claims and request settings hold
 * for that transaction only, as in src/PostgREST/Query/PreQuery.hs. In autocommit mode each statement
 * is its own request: the preamble and the statement run in one transaction.
 */
public final class PostgrestRequests {
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    /** Runs the preamble on the connection, inside the transaction that is open. */
    @FunctionalInterface
    public interface Preamble {
        void run(Connection c) throws SQLException;
    }

    private PostgrestRequests() {
    }

    public static Connection wrap(Connection real, Preamble preamble) {
        Handler handler = new Handler(real, preamble);
        return (Connection) Proxy.newProxyInstance(PostgrestRequests.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static final class Handler implements InvocationHandler {
        private final Connection real;
        private final Preamble preamble;
        /** Whether the open transaction (when not in autocommit) has had its preamble. */
        private boolean prepared;

        Handler(Connection real, Preamble preamble) {
            this.real = real;
            this.preamble = preamble;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback") || name.equals("setAutoCommit")) {
                prepared = false;
            }
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                return call(real, method, args);
            }
            Object result = call(real, method, args);
            if (result instanceof Statement statement) {
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(PostgrestRequests.class.getClassLoader(), new Class<?>[] {type},
                        (p, m, a) -> EXECUTES.contains(m.getName()) ? inRequest(statement, m, a) : call(statement, m, a));
            }
            return result;
        }

        private Object inRequest(Statement statement, Method method, Object[] args) throws Throwable {
            if (!real.getAutoCommit()) {
                if (!prepared) {
                    preamble.run(real);
                    prepared = true;
                }
                return call(statement, method, args);
            }
            real.setAutoCommit(false);
            try {
                preamble.run(real);
                Object result = call(statement, method, args);
                real.commit();
                return result;
            } catch (Throwable e) {
                real.rollback();
                throw e;
            } finally {
                real.setAutoCommit(true);
            }
        }

        private static Object call(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
