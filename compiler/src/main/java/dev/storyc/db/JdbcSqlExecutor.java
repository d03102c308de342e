package dev.storyc.db;

import dev.storyc.validate.SqlExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Runs the live validator's queries over one connection in autocommit mode, so that a failing query
 * aborts nothing else. {@link #runAll} sends several queries as one multi-statement string, which
 * the driver ships in a single round trip.
 */
public final class JdbcSqlExecutor implements SqlExecutor {
    private static final String COMMAND = "storyc validate";

    private final Connection connection;
    private final WarehouseTarget target;

    public JdbcSqlExecutor(Connection connection, WarehouseTarget target) throws DatabaseException {
        this.connection = connection;
        this.target = target;
        try {
            connection.setAutoCommit(true);
            connection.setReadOnly(true);
        } catch (SQLException e) {
            throw ReadOnlyFailures.failed(e, connection, target, COMMAND,
                    "preparing the validation connection to " + target.environment());
        }
    }

    @Override
    public Optional<SqlFailure> run(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return Optional.empty();
        } catch (SQLException e) {
            throwIfStopped(e);
            return Optional.of(
                    new SqlFailure(
                            ServerErrors.message(e),
                            ServerErrors.position(e),
                            e.getSQLState() == null ? "" : e.getSQLState()));
        }
    }

    @Override
    public boolean runAll(List<String> sqls) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.join(";\n", sqls));
            return true;
        } catch (SQLException e) {
            throwIfStopped(e);
            return false;
        }
    }

    private void throwIfStopped(SQLException e) {
        if (ReadOnlyFailures.endsTheRun(e)) {
            throw new Stopped(ReadOnlyFailures.failed(e, connection, target, COMMAND,
                    "validating " + target.environment()));
        }
    }

    /**
     * The run cannot go on: the connection died, the server failed, or the role may not read.
     * An operational failure, not a finding about the LookML.
     */
    public static final class Stopped extends RuntimeException {
        private final DatabaseException cause;

        Stopped(DatabaseException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }

        /** Returns the failure to report with exit 3. */
        public DatabaseException failure() {
            return cause;
        }
    }
}
