package dev.storyc.db;

import dev.storyc.diag.Position;
import dev.storyc.etl.SqlScript;
import dev.storyc.etl.SqlStatement;
import dev.storyc.warehouse.Script;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;

/**
 * Finds where in a script the server's refusal was, when the server did not say. A script runs as
 * one query, and PostgreSQL gives a position only for errors it finds while parsing: a missing
 * column in CREATE INDEX, a table that already exists, a constraint a backfill violates, a RAISE
 * in a DO block, division by zero all came back with the file alone. So, after the change's
 * transaction was rolled back, the script runs again one statement at a time, split as {@code etl
 * run} splits a job's script, in a transaction that is always rolled back, until the statement
 * that fails with the same SQLSTATE, after the scripts that ran before it in the change's
 * transaction (a rework's stored revert, the deploy a verify checks), so it meets what the real run
 * met. Only a failure pays for this; a successful apply sends each script once.
 *
 * <p>The replay runs the statements a second time, so it is skipped where that costs more than a
 * line number is worth: a failure that took more than {@link #MAX_REPLAYED_RUN} (a long backfill
 * would be paid twice, holding the apply's lock), and scripts that act outside the transaction
 * ({@code dblink}, sequences, {@code pg_sleep}), whose effects a rollback does not undo.
 */
final class FailingStatement {
    /** A cancelled statement (a timeout) would only be cancelled again, after as long. */
    private static final String QUERY_CANCELED = "57014";
    /** The longest failed run that is replayed. */
    static final Duration MAX_REPLAYED_RUN = Duration.ofSeconds(5);
    /** Calls whose effects a rollback does not undo, or that only wait. */
    private static final Pattern OUTSIDE_THE_TRANSACTION =
            Pattern.compile("(?i)\\b(dblink\\w*|nextval|setval|pg_sleep\\w*)\\s*\\(");

    /**
     * What a replay needs: the connection, outside any transaction; the scripts that ran before the
     * failing one in its transaction, in order; how long the failed run took; and the SQL that
     * gives the session back its own identity after each of the user's scripts, as the real run
     * does ({@code Engine.identityReset}): without it, a {@code SET ROLE} at the top of an earlier
     * script made the replay run the failing one as another role than the real run had.
     */
    record Replay(Connection connection, List<Script> before, long failedAfterNanos, String identityReset) {
        Replay {
            before = List.copyOf(before);
        }
    }

    private FailingStatement() {}

    /**
     * Returns where {@code refused}, an error of {@code script} without a position, happened: the
     * failing statement's first word, or the server's position inside it. Empty when the replay
     * fails otherwise, not at all, or is skipped.
     */
    static Optional<Position> locate(Replay replay, Script script, SQLException refused) {
        if (serverPosition(refused) > 0 || QUERY_CANCELED.equals(refused.getSQLState())) {
            return Optional.empty();
        }
        List<SqlStatement> statements = SqlScript.statements(script.path(), script.text());
        if (statements.size() == 1) {
            return Optional.of(statements.get(0).start());
        }
        if (replay.failedAfterNanos() > MAX_REPLAYED_RUN.toNanos()
                || OUTSIDE_THE_TRANSACTION.matcher(script.text()).find()
                || replay.before().stream().anyMatch(before -> OUTSIDE_THE_TRANSACTION.matcher(before.text()).find())) {
            return Optional.empty();
        }
        Connection connection = replay.connection();
        try {
            connection.setAutoCommit(false);
            try {
                for (Script before : replay.before()) {
                    try (Statement again = connection.createStatement()) {
                        again.setEscapeProcessing(false);
                        again.execute(before.text());
                        again.execute(replay.identityReset());
                    } catch (SQLException e) {
                        return Optional.empty();
                    }
                }
                for (SqlStatement statement : statements) {
                    try (Statement one = connection.createStatement()) {
                        one.setEscapeProcessing(false);
                        one.execute(statement.text());
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
