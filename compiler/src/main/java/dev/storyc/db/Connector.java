package dev.storyc.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens JDBC connections to a warehouse with PostgreSQL's driver, which Redshift's wire protocol
 * also accepts. The driver is called directly rather than through {@code DriverManager}, so no
 * other driver on the class path ever sees the password, and a URL that is not {@code
 * jdbc:postgresql:} is refused instead of silently routed elsewhere.
 */
public final class Connector {
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    /**
     * The driver's own log, silenced: storyc reports every driver failure itself, in words and with
     * an exit code, and java.util.logging would print the driver's warnings raw on stderr. Held
     * here, since a logger nobody references may be collected along with its level.
     */
    private static final java.util.logging.Logger DRIVER_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    static {
        DRIVER_LOG.setLevel(java.util.logging.Level.OFF);
    }

    private Connector() {}

    /**
     * Connects and logs in, within the target's connect timeout.
     *
     * @throws DatabaseException with a message naming the host and what to check: unreachable,
     *     refused password, missing database
     */
    public static Connection open(WarehouseTarget target) throws DatabaseException {
        return open(target, new Properties());
    }

    /** Connects with extra driver properties, such as the query mode scripts run in. */
    static Connection open(WarehouseTarget target, Properties extra) throws DatabaseException {
        Properties properties = new Properties();
        properties.putAll(extra);
        properties.setProperty("user", target.user());
        target.password().ifPresent(secret -> properties.setProperty("password", secret.reveal()));
        long seconds = Math.max(1, target.timeouts().connect().toSeconds());
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("loginTimeout", Long.toString(seconds));
        properties.setProperty("ApplicationName", "storyc");
        properties.setProperty("tcpKeepAlive", "true");
        // A cancel on the way out must not hold the exit of a cancelled CI job for long.
        properties.setProperty("cancelSignalTimeout", "5");
        try {
            Connection connection = DRIVER.connect(target.jdbcUrl(), properties);
            if (connection == null) {
                throw new DatabaseException(
                        DatabaseException.Kind.OTHER,
                        "the warehouse URL of "
                                + target.environment()
                                + " is not a PostgreSQL JDBC URL",
                        "warehouse.url must start with `jdbc:postgresql://`",
                        "");
            }
            try (java.sql.Statement bounds = connection.createStatement()) {
                bounds.execute(SessionBounds.sql(target));
            } catch (SQLException e) {
                connection.close();
                throw SqlFailures.failed(e, "setting the session's timeouts on " + target.describe());
            }
            return InFlightQueries.watch(connection);
        } catch (SQLException e) {
            throw SqlFailures.connecting(e, target);
        }
    }
}
