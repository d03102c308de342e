package dev.storyc.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns the driver's {@link SQLException}s into messages a user can act on, keyed by SQLSTATE
 * (PostgreSQL's appendix A) and, for network failures that have none, by the cause. The messages
 * name the environment, user, host and database; never the password, which neither PostgreSQL nor
 * the driver put in theirs either.
 */
final class SqlFailures {
    private SqlFailures() {}

    /** Explains a failure to connect or log in. */
    static DatabaseException connecting(SQLException e, WarehouseTarget target) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = target.describe();
        Throwable cause = rootCause(e);
        if (state.equals("08004") && serverText(e).contains("SSL")) {
            return new DatabaseException(
                    DatabaseException.Kind.UNREACHABLE,
                    "the warehouse of " + target.environment() + " at " + where
                            + " does not offer SSL, which the connection asks for",
                    "drop `sslmode` from the warehouse.url setting, or enable SSL on the server",
                    state);
        }
        if (state.equals("28P01") || state.equals("28000") || state.equals("08004")) {
            return new DatabaseException(
                    DatabaseException.Kind.AUTHENTICATION,
                    "the warehouse of "
                            + target.environment()
                            + " refused to log in "
                            + where
                            + ": "
                            + serverText(e),
                    loginHint(e, target),
                    state);
        }
        if (serverText(e).contains("setting up the SSL connection") && !target.jdbcUrl().contains("sslmode")) {
            // The driver's words when something that is not PostgreSQL answers on the port.
            return unreachable(target, "what answers there does not speak PostgreSQL's protocol (is it the"
                    + " right port?)", state);
        }
        if (state.equals("3D000")) {
            if (target.urlOverride().isPresent()) {
                return new DatabaseException(
                        DatabaseException.Kind.MISSING_DATABASE,
                        "the warehouse of "
                                + target.environment()
                                + " has no such database: "
                                + where,
                        "fix the database in the warehouse.url setting, or create it",
                        state);
            }
            return new DatabaseException(
                    DatabaseException.Kind.MISSING_DATABASE,
                    "the warehouse of "
                            + target.environment()
                            + " has no database `"
                            + target.database()
                            + "` ("
                            + where
                            + ")",
                    "create it (`CREATE DATABASE "
                            + target.database()
                            + "`) or fix `warehouse.database`",
                    state);
        }
        if (cause instanceof UnknownHostException) {
            // Named by the address above, which is the URL's when the warehouse.url setting is in
            // use; target.host() is environments.toml's and may not be the one that failed.
            return unreachable(target, "the host name does not resolve", state);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return unreachable(target, "connection refused", state);
        }
        if (cause instanceof SocketTimeoutException) {
            return unreachable(
                    target,
                    "no answer within " + target.timeouts().connect().toSeconds() + " s",
                    state);
        }
        if (state.startsWith("08")) {
            return unreachable(target, serverText(e), state);
        }
        return failed(
                e, "connecting to the warehouse of " + target.environment() + " (" + where + ")");
    }

    /**
     * Returns what to do about a refused login. Round 17: a pg_hba.conf rule and a role that may
     * not log in were both told to check the password, and a password read with the newline a
     * file-made secret ends with was not told apart.
     */
    private static String loginHint(SQLException e, WarehouseTarget target) {
        String text = serverText(e);
        if (text.contains("pg_hba.conf")) {
            return "the server's pg_hba.conf lets no rule match this user, database and client address: ask its"
                    + " administrator for one; the password is not the problem";
        }
        if (text.contains("not permitted to log in")) {
            return "the role may not log in (NOLOGIN): `ALTER ROLE " + target.user() + " LOGIN`, or use a role that"
                    + " may";
        }
        if (target.password().isEmpty()) {
            return "set `warehouse.password = \"${env:VARIABLE}\"` in environments.toml";
        }
        Secret password = target.password().get();
        if (!password.reveal().equals(password.reveal().strip())) {
            return "the password in " + password.source() + " begins or ends with white space, such as the newline"
                    + " a secret made from a file keeps: strip it";
        }
        return "check the password in " + password.source() + " and `warehouse.user`";
    }

    /**
     * A failure of the warehouse's operation rather than of the SQL (ServerErrors.isOperational),
     * by SQLSTATE or its class: what happened and what to do.
     */
    private record Operational(String state, DatabaseException.Kind kind, String what, String hint) {
        boolean matches(String found) {
            return state.length() == 2 ? found.startsWith(state) : found.equals(state);
        }
    }

    private static final List<Operational> OPERATIONAL = List.of(
            new Operational("55P03", DatabaseException.Kind.LOCK_TIMEOUT,
                    "a lock it needed was not granted within the session's lock_timeout",
                    "another session holds the lock (pg_stat_activity and pg_blocking_pids() name it): let it"
                            + " finish and run again, or raise the setting warehouse.lock_timeout"),
            new Operational("57014", DatabaseException.Kind.OTHER, "the server cancelled the statement",
                    "a statement_timeout set on the warehouse user or database is shorter than the statement"
                            + " needs, or an administrator cancelled it: raise the timeout for storyc's user, or run"
                            + " again"),
            new Operational("40001", DatabaseException.Kind.OTHER, "it met another session's work", "run it again"),
            new Operational("40P01", DatabaseException.Kind.OTHER, "it met another session's work", "run it again"),
            new Operational("53", DatabaseException.Kind.OTHER, "the server could not do it",
                    "ask the warehouse's administrator (disk, memory or connections), then run again"),
            new Operational("58", DatabaseException.Kind.OTHER, "the server could not do it",
                    "ask the warehouse's administrator (disk, memory or connections), then run again"));

    /** Explains a failure of a statement storyc itself ran, such as a registry query. */
    static DatabaseException failed(SQLException e, String doing) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42501")) {
            return new DatabaseException(
                    DatabaseException.Kind.PERMISSION,
                    doing + " failed: " + serverText(e),
                    "grant the warehouse user the privilege, or run storyc as a user that has it",
                    state);
        }
        for (Operational kind : OPERATIONAL) {
            if (kind.matches(state)) {
                return new DatabaseException(kind.kind(),
                        doing + " failed: " + kind.what() + " (" + serverText(e) + "); nothing of it was kept",
                        kind.hint(), state);
            }
        }
        if (state.startsWith("08") || state.startsWith("57P0")) {
            return new DatabaseException(
                    DatabaseException.Kind.UNREACHABLE,
                    doing + " failed: the connection was lost (" + serverText(e) + ")",
                    "run the command again; the registry shows how far it got",
                    state);
        }
        return new DatabaseException(
                DatabaseException.Kind.OTHER, doing + " failed: " + serverText(e), "", state);
    }

    private static DatabaseException unreachable(WarehouseTarget target, String why, String state) {
        return new DatabaseException(
                DatabaseException.Kind.UNREACHABLE,
                "cannot reach the warehouse of "
                        + target.environment()
                        + " at "
                        + target.describe()
                        + ": "
                        + why,
                "check `warehouse.host` and `warehouse.port` (or the warehouse.url setting, for a"
                    + " tunnel), and that the server accepts connections from here",
                state);
    }

    /**
     * Returns the server's message without the driver's {@code ERROR: } or {@code FATAL: } prefix.
     */
    static String serverText(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String firstLine = message.lines().findFirst().orElse(message).strip();
        return firstLine.replaceFirst("^(ERROR|FATAL|PANIC):\\s+", "");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
