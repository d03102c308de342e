package dev.storyc.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exit-3 failures of the commands that only read the warehouse ({@code test}, {@code
 * validate}), which differ from {@link SqlFailures#failed}'s in two ways.
 *
 * <ul>
 *   <li>A role without a privilege (SQLSTATE 42501) is the environment's configuration, not the
 *       story's: every view and every test failed with the same "permission denied for schema
 *       analytics", each told to deploy its story. It stops the run with one message naming the
 *       role. ({@code warehouse apply} and {@code etl run} keep reporting it at the line of the
 *       user's script: the script asked for the privilege, and a verify may refuse with 42501 on
 *       purpose.)
 *   <li>A lost connection was told "the registry shows how far it got", which these commands never
 *       write: they change nothing, so running again is all there is to do.
 * </ul>
 */
final class ReadOnlyFailures {
    /** PostgreSQL's insufficient_privilege. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final Pattern DENIED_SCHEMA = Pattern.compile("permission denied for schema (\\S+)");

    private ReadOnlyFailures() {}

    /** Returns true when {@code e} ends a read-only run: the warehouse's operation or the role's privileges. */
    static boolean endsTheRun(SQLException e) {
        return ServerErrors.isOperational(e) || INSUFFICIENT_PRIVILEGE.equals(e.getSQLState());
    }

    /**
     * Explains a failure that ends a read-only run of {@code command} ({@code storyc validate}),
     * while {@code doing} ({@code validating integration}); {@code connection} is asked which role
     * the session runs as (a login may SET ROLE by default), and must be usable again: in
     * autocommit, or rolled back.
     */
    static DatabaseException failed(SQLException e, Connection connection, WarehouseTarget target, String command,
            String doing) {
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            return denied(e, role(connection, target), target, command);
        }
        DatabaseException failure = SqlFailures.failed(e, doing);
        if (failure.kind() == DatabaseException.Kind.UNREACHABLE) {
            return new DatabaseException(failure.kind(), failure.getMessage(),
                    "run it again once the warehouse answers; it only reads, so nothing was changed or left"
                            + " half-done",
                    failure.sqlState());
        }
        return failure;
    }

    private static DatabaseException denied(SQLException e, String role, WarehouseTarget target, String command) {
        String who = role.equals(target.user()) ? "the warehouse user `" + role + "`"
                : "the warehouse role `" + role + "` (logged in as `" + target.user() + "`)";
        // The schema the server named, else the environment's own.
        Matcher denied = DENIED_SCHEMA.matcher(ServerErrors.message(e));
        String schema = denied.find() ? denied.group(1) : target.schema();
        String grant = "GRANT USAGE ON SCHEMA " + schema + " TO " + role + " and SELECT ON ALL TABLES IN SCHEMA "
                + schema + " TO " + role;
        return new DatabaseException(DatabaseException.Kind.PERMISSION,
                who + " of " + target.environment() + " may not read what `" + command + "` needs: "
                        + ServerErrors.message(e),
                "this is the role's privileges, not the stories': " + grant
                        + ", or point warehouse.user at a role that may read them",
                e.getSQLState());
    }

    /** Returns the role the session runs as, or the configured user when the server cannot say. */
    private static String role(Connection connection, WarehouseTarget target) {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_user")) {
            return result.next() ? result.getString(1) : target.user();
        } catch (SQLException unknown) {
            return target.user();
        }
    }
}
