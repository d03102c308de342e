package dev.storyc.db;

import dev.storyc.diag.Position;
import dev.storyc.etl.SqlScript;
import dev.storyc.etl.SqlStatement;
import dev.storyc.warehouse.Script;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.postgresql.util.PSQLException;

/**
 * Finds where in a script the server's refusal was, when the server did not say. A script runs as
 * one query, and PostgreSQL gives a position only for errors it finds while parsing: a missing
 * column in CREATE INDEX, a table that already exists, a constraint a backfill violates, a RAISE
 * in a DO block, division by zero all came back with the file alone. So, after the change's
 * transaction was rolled back, the script runs again one statement at a time, split as {@code etl
 * run} splits a job's script, in a transaction that is always rolled back, until the statement
 * that fails with the same SQLSTATE. Only a failure pays for this; a successful apply sends each
 * script once, as before.
 */
final class FailingStatement {
    /** A cancelled statement (a timeout) would only be cancelled again, after as long. */
    private static final String QUERY_CANCELED = "57014";

    private FailingStatement() {}

    /**
     * Returns where {@code refused}, an error of {@code script} without a position, happened: the
     * failing statement's first word, or the server's position inside it. Empty when the replay
     * fails otherwise or not at all. {@code connection} must be outside any transaction.
     */
    static Optional<Position> locate(Connection connection, Script script, SQLException refused) {
        if (serverPosition(refused) > 0 || QUERY_CANCELED.equals(refused.getSQLState())) {
            return Optional.empty();
        }
        List<SqlStatement> statements = SqlScript.statements(script.path(), script.text());
        if (statements.size() == 1) {
            return Optional.of(statements.get(0).start());
        }
        try {
            connection.setAutoCommit(false);
            try {
                for (SqlStatement statement : statements) {
                    try (Statement replay = connection.createStatement()) {
                        replay.setEscapeProcessing(false);
                        replay.execute(statement.text());
                    } catch (SQLException e) {
                        if (!Objects.equals(e.getSQLState(), refused.getSQLState())) {
                            return Optional.empty();
                        }
                        int position = serverPosition(e);
                        return Optional.of(position > 0 ? statement.positionOf(position) : statement.start());
                    }
                }
                return Optional.empty();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The replay only explains; the refusal being reported is what matters.
            return Optional.empty();
        }
    }

    static int serverPosition(SQLException e) {
        return e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getPosition() : 0;
    }
}
