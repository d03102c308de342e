package dev.storyc.db;

import java.util.Objects;

/**
 * An operation on a warehouse database failed for a reason outside the workspace: the host cannot
 * be reached, the password is refused, the database is missing, another apply holds the lock, or
 * the registry belongs to a newer storyc. The CLI prints {@link #getMessage()} and {@link #hint()}
 * and exits 3.
 *
 * <p>The message is written by storyc from the server's SQLSTATE and text; the driver's exception
 * is deliberately not kept as the cause, so that no stack trace, however printed, can show
 * connection properties.
 */
public final class DatabaseException extends Exception {
    /** What kind of failure it was, for callers that react differently, and for tests. */
    public enum Kind {
        UNREACHABLE,
        AUTHENTICATION,
        MISSING_DATABASE,
        PASSWORD_UNSET,
        LOCK_TIMEOUT,
        REGISTRY_TOO_NEW,
        REGISTRY_DAMAGED,
        PERMISSION,
        OTHER
    }

    private final Kind kind;
    private final String hint;
    private final String sqlState;

    public DatabaseException(Kind kind, String message, String hint, String sqlState) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.hint = hint == null ? "" : hint;
        this.sqlState = sqlState == null ? "" : sqlState;
    }

    public Kind kind() {
        return kind;
    }

    /** Returns what the user can do about it, or an empty string. */
    public String hint() {
        return hint;
    }

    /** Returns the server's SQLSTATE, such as {@code 28P01}, or an empty string. */
    public String sqlState() {
        return sqlState;
    }
}
