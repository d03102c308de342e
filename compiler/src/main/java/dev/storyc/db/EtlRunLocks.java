package dev.storyc.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The session advisory lock each ETL run holds while it runs, so that a reader can tell a run that
 * is still going from one whose process was killed or whose connection was lost: the server drops
 * a session's advisory locks when the session ends, however it ends, which no shutdown hook of
 * storyc's can promise after a SIGKILL.
 *
 * <p>The lock uses the two-key form (its {@code objsubid} is 2), in a class of storyc's own, and so
 * never meets the apply lock's one-key form. Two runs whose ids hash alike would only make a dead
 * run look alive while the other runs; the lock is only ever tried, never waited for.
 */
final class EtlRunLocks {
    /** The first key of every run's lock: "sETL" in ASCII. */
    static final int CLASS = 0x7345544c;

    private EtlRunLocks() {}

    /** Takes the run's lock; the session holds it until it is released or the session ends. */
    static void hold(Connection connection, String runId) throws SQLException {
        call(connection, "SELECT pg_try_advisory_lock(?, ?)", runId);
    }

    /** Releases the run's lock, once its end is on record. */
    static void release(Connection connection, String runId) throws SQLException {
        call(connection, "SELECT pg_advisory_unlock(?, ?)", runId);
    }

    /** Returns the second keys of the run locks held in the connection's database. */
    static Set<Integer> held(Connection connection) throws SQLException {
        Set<Integer> keys = new HashSet<>();
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT l.objid FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
                                + " AND l.classid = ? AND d.datname = current_database()")) {
            query.setLong(1, Integer.toUnsignedLong(CLASS));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add((int) rows.getLong(1));
                }
            }
        }
        return keys;
    }

    /**
     * Returns a run's second key. A run id is a UUID, whose bits are random; one not made by storyc
     * (a row written by hand) is hashed instead of refused, since only the display depends on it.
     */
    static int key(String runId) {
        try {
            UUID id = UUID.fromString(runId);
            return (int) (id.getLeastSignificantBits() ^ (id.getLeastSignificantBits() >>> 32));
        } catch (IllegalArgumentException notUuid) {
            return runId.hashCode();
        }
    }

    private static void call(Connection connection, String sql, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, CLASS);
            statement.setInt(2, key(runId));
            statement.executeQuery().close();
        }
    }
}
