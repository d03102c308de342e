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
    private final Connection connection;
    private final WarehouseTarget target;

    public JdbcSqlExecutor(Connection connection, WarehouseTarget target) throws DatabaseException {
        this.connection = connection;
        this.target = target;
        try {
            connection.setAutoCommit(true);
            connection.setReadOnly(true);
        } catch (SQLException e) {
            throw SqlFailures.failed(
                    e, "preparing the validation connection to " + target.environment());
        }
    }

    @Override
    public Optional<SqlFailure> run(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return Optional.empty();
        } catch (SQLException e) {
            throwIfOperational(e);
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
            throwIfOperational(e);
            return false;
        }
    }

    private void throwIfOperational(SQLException e) {
        if (ServerErrors.isOperational(e)) {
            throw new ConnectionLost(SqlFailures.failed(e, "validating " + target.environment()));
        }
    }

    /** The connection died mid-run: an operational failure, not a finding about the LookML. */
    public static final class ConnectionLost extends RuntimeException {
        private final DatabaseException cause;

        ConnectionLost(DatabaseException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }

        /** Returns the failure to report with exit 3. */
        public DatabaseException failure() {
            return cause;
        }
    }
}
