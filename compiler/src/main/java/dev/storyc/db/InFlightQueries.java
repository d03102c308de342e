package dev.storyc.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;

/**
 * Cancels what storyc's connections are running when the process is told to stop (SIGTERM from a
 * cancelled CI job, or Ctrl-C). Closing the socket is not enough: a server busy in a statement
 * does not read it, so it would run the statement to its end and, for apply, hold the apply lock
 * for a process that is gone, and the next apply would wait on it. A cancel request reaches the
 * server at once; the change's transaction then rolls back and the lock is freed when the
 * session ends with the process. SIGKILL runs no hook; the server cleans up when the statement
 * ends.
 */
final class InFlightQueries {
    /** Weak, so a connection closed and dropped by its user leaves the set by itself. */
    private static final Set<Connection> OPEN = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(InFlightQueries::cancelAll, "storyc-cancel-queries"));
    }

    private InFlightQueries() {}

    /** Watches {@code connection} until it is closed or the process ends. */
    static Connection watch(Connection connection) {
        OPEN.add(connection);
        return connection;
    }

    private static void cancelAll() {
        List<Connection> open;
        synchronized (OPEN) {
            open = new ArrayList<>(OPEN);
        }
        boolean cancelled = false;
        for (Connection connection : open) {
            try {
                if (!connection.isClosed()) {
                    connection.unwrap(PGConnection.class).cancelQuery();
                    cancelled = true;
                }
            } catch (SQLException | RuntimeException e) {
                // The process is ending; a server that cannot be told ends the statement itself.
            }
        }
        if (cancelled) {
            // A stop mid-work said nothing at all (round 17); the run's own record may still say
            // `running`, which etl status reads as abandoned once the session is gone.
            System.err.println("storyc: stopped while the warehouse was working; what was running was cancelled,"
                    + " and its transaction is rolled back");
            System.err.flush();
        }
    }
}
