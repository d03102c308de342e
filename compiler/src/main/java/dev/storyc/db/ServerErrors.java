package dev.storyc.db;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads what a statement's failure says: the server's message (with its detail and hint, which
 * PostgreSQL puts on lines of their own) and the 1-based character position it blames, which storyc
 * maps back to a file's line or to the field of a validation query.
 */
final class ServerErrors {
    private ServerErrors() {}

    /**
     * Returns the server's message, without the driver's {@code ERROR:} prefix or position note.
     */
    static String message(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            StringBuilder text = new StringBuilder(String.valueOf(server.getMessage()));
            if (server.getDetail() != null) {
                text.append(" (").append(server.getDetail()).append(')');
            }
            return text.toString();
        }
        return SqlFailures.serverText(e);
    }

    /** Returns {@code " (SQLSTATE xxxxx)"} for a message's end, or nothing when the driver gave none. */
    static String stateSuffix(SQLException e) {
        return e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
    }

    /** Returns the position the server blamed, or 0 when it named none. */
    static int position(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getPosition();
        }
        return 0;
    }

    /** Returns true for failures of the connection rather than of the statement. */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /**
     * Returns true for failures of the warehouse's operation rather than of the user's SQL, which
     * are exit 3 ("run again, or ask the DBA"), never a story's diagnostic ("fix the file"): the
     * connection lost, a lock not granted within {@code lock_timeout} (55P03), a statement cancelled
     * by {@code statement_timeout} or an administrator (57014), a serialization failure or deadlock
     * with another session (40001, 40P01), the server out of resources (class 53) or failing
     * itself (class 58). Round 17 found timeouts reported as errors of the story's script.
     */
    static boolean isOperational(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return isConnectionLost(e) || state.equals("55P03") || state.equals("57014") || state.equals("40001")
                || state.equals("40P01") || state.startsWith("53") || state.startsWith("58");
    }
}
