package dev.storyc.db;

import dev.storyc.warehouse.Script;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one connection an apply works through, counting every statement it sends. The lock, the
 * changes and the event log all share it, so the count stays one number and a measurement of round
 * trips covers the whole apply.
 */
final class ApplySession {
    final Connection connection;
    private long statements;

    ApplySession(Connection connection) {
        this.connection = connection;
    }

    long statements() {
        return statements;
    }

    /** Counts {@code n} statements sent by another object over this connection. */
    void count(long n) {
        statements += n;
    }

    /**
     * Runs a script as one simple-protocol query, so that the server's error position counts from
     * the script's first character.
     */
    void runScript(Script script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            statements++;
            statement.execute(script.text());
        }
    }

    void execute(String sql, String doing) throws DatabaseException {
        try (Statement statement = connection.createStatement()) {
            statements++;
            statement.execute(sql);
        } catch (SQLException e) {
            throw SqlFailures.failed(e, doing);
        }
    }

    void rollbackAndAutoCommit() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is gone; the server rolls the transaction back itself.
        }
        autoCommit();
    }

    void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Reported by the next statement, if the connection is gone.
        }
    }
}
