package dev.storyc.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The advisory lock that lets only one apply at a time write a registry. It lives apart from the
 * applying because waiting for it, and naming who holds it when the wait times out, is a concern
 * of its own; the lock is the session's, so closing the session releases it too.
 */
final class ApplyLock {
    private final WarehouseTarget target;
    private final ApplySession session;
    private boolean locked;

    ApplyLock(WarehouseTarget target, ApplySession session) {
        this.target = target;
        this.session = session;
    }

    boolean held() {
        return locked;
    }

    /**
     * Takes the lock, waiting up to the lock timeout for another apply to finish.
     *
     * @throws DatabaseException naming the session that holds it, when the wait times out
     */
    void take() throws DatabaseException {
        if (!target.engine().hasAdvisoryLocks()) {
            throw new DatabaseException(
                    DatabaseException.Kind.OTHER,
                    "storyc warehouse apply needs PostgreSQL's advisory locks, and "
                            + target.environment()
                            + " is a "
                            + target.engine().spelling()
                            + " warehouse",
                    "this version of storyc applies to PostgreSQL only; plan and status work"
                        + " everywhere",
                    "");
        }
        long deadline = System.nanoTime() + target.timeouts().lock().toNanos();
        try (PreparedStatement take =
                session.connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            take.setLong(1, key());
            while (true) {
                session.count(1);
                try (ResultSet rows = take.executeQuery()) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        locked = true;
                        return;
                    }
                }
                if (System.nanoTime() >= deadline) {
                    throw timeout();
                }
                Thread.sleep(200);
            }
        } catch (SQLException e) {
            throw SqlFailures.failed(e, "taking the apply lock of " + target.describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException(
                    DatabaseException.Kind.LOCK_TIMEOUT,
                    "interrupted while waiting for the" + " apply lock of " + target.environment(),
                    "",
                    "");
        }
    }

    /** Releases the lock if this session took it. */
    void release() throws SQLException {
        if (locked) {
            try (Statement statement = session.connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock_all()");
            }
        }
    }

    private DatabaseException timeout() {
        String holder = "another session";
        String sql =
                "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start FROM"
                    + " pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype ="
                    + " 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid ="
                    + " 1";
        try (PreparedStatement who = session.connection.prepareStatement(sql)) {
            long key = key();
            who.setLong(1, key >>> 32);
            who.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rows = who.executeQuery()) {
                if (rows.next()) {
                    holder = holder(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getTimestamp(5));
                }
            }
        } catch (SQLException e) {
            // Only the holder's description is lost; the timeout is still the message.
        }
        return new DatabaseException(
                DatabaseException.Kind.LOCK_TIMEOUT,
                "another apply is running on "
                        + target.describe()
                        + ": "
                        + holder
                        + " holds the apply lock, and"
                        + " it was not released within "
                        + target.timeouts().lock().toSeconds()
                        + " s",
                "let it finish and run apply again (it will find nothing left to do, or continue),"
                    + " or raise the setting warehouse.lock_timeout",
                "55P03");
    }

    /**
     * Describes the session that holds the lock. PostgreSQL shows another role's session only by
     * its process id (the rest is null unless the reader may see it), which made this a
     * NullPointerException and exit 70 (round 17).
     */
    static String holder(int pid, String user, String application, String client, java.sql.Timestamp since) {
        return "session " + pid
                + (user == null ? " of another role" : " of " + user)
                + (application == null || application.isEmpty() ? "" : " (" + application + ")")
                + (client == null ? "" : " from " + client)
                + (since == null ? "" : " since " + since.toInstant());
    }

    private long key() {
        return key(target.registrySchema());
    }

    /**
     * Returns the lock key of a registry: a hash of its schema's name, so that two registries in
     * one database never share a lock.
     */
    static long key(String registrySchema) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    ("storyc-apply:" + registrySchema)
                                            .getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
