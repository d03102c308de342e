package dev.storyc.db;

import dev.storyc.warehouse.ChangeId;
import dev.storyc.warehouse.DeployedChange;
import dev.storyc.warehouse.RegistryState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * storyc's registry in the target database, in its own schema ({@code storyc} unless {@code
 * warehouse.registry_schema} names another):
 *
 * <ul>
 *   <li>{@code registry}: one row, the registry's format version; a newer one than this storyc
 *       knows is refused, so an old storyc cannot misread what a new one wrote;
 *   <li>{@code changes}: one row per deployed change, with the deploy script's hash, the revert
 *       script's text, who deployed it, when, from which output commit and environment hash;
 *   <li>{@code events}: the append-only log of deploys, reverts, reworks and failures.
 * </ul>
 *
 * <p>{@link #read} is one query however long the history is, so a no-op apply costs the same on the
 * thousandth day as on the first.
 */
public final class Registry {
    private final Connection connection;
    private final Engine engine;
    private final String schema;

    public Registry(Connection connection, WarehouseTarget target) {
        this.connection = connection;
        this.engine = target.engine();
        this.schema = target.registrySchema();
    }

    /** Returns the registry's schema name, for messages. */
    public String schema() {
        return schema;
    }

    /**
     * Reads the registry in one query; an empty state when the database has none yet.
     *
     * @throws DatabaseException when a newer storyc wrote it, or the read fails
     */
    public RegistryState read() throws DatabaseException {
        String sql =
                "SELECT r.version, c.story, c.change, c.sequence, c.requires, c.deploy_hash,"
                    + " c.revert_hash, c.revert_script, c.deployed_by, c.deployed_at,"
                    + " c.output_commit, c.environment_hash, (SELECT COALESCE(MAX(e.sequence), 0)"
                    + " FROM "
                        + schema
                        + ".events e) AS last_event, (SELECT COUNT(*) FROM "
                        + schema
                        + ".registry) AS registry_rows"
                        + " FROM "
                        + schema
                        + ".registry r LEFT JOIN "
                        + schema
                        + ".changes c ON TRUE"
                        + " ORDER BY c.sequence";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int version = 0;
            long lastEvent = 0;
            long registryRows = 0;
            List<DeployedChange> deployed = new ArrayList<>();
            while (rows.next()) {
                version = rows.getInt(1);
                lastEvent = rows.getLong(13);
                registryRows = rows.getLong(14);
                if (rows.getString(2) != null) {
                    deployed.add(
                            new DeployedChange(
                                    new ChangeId(rows.getString(2), rows.getString(3)),
                                    rows.getLong(4),
                                    splitRequires(rows.getString(5)),
                                    rows.getString(6),
                                    rows.getString(7),
                                    rows.getString(8),
                                    rows.getString(9),
                                    rows.getTimestamp(10).toInstant(),
                                    rows.getString(11),
                                    rows.getString(12)));
                }
            }
            if (registryRows != 1) {
                // The join reads nothing at all from an empty registry table, so 0 lands here too.
                throw damaged("its table " + schema + ".registry holds " + registryRows
                        + " rows, where storyc writes exactly one");
            }
            checkVersion(version);
            return new RegistryState(version, deployed, lastEvent);
        } catch (SQLException e) {
            rollbackQuietly();
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals("3F000")) {
                return RegistryState.empty();
            }
            if (state.equals("42P01")) {
                List<String> missing = missingTables();
                if (missing.size() == TABLES.size()) {
                    return RegistryState.empty();
                }
                throw damaged((missing.size() == 1 ? "its table " : "its tables ")
                        + missing.stream().map(t -> schema + "." + t).collect(java.util.stream.Collectors.joining(
                                " and ")) + (missing.size() == 1 ? " is" : " are") + " missing");
            }
            if (state.equals("42703")) {
                // A newer storyc changed the tables; its version row says so.
                checkVersion(versionOnly());
            }
            throw SqlFailures.failed(e, "reading the registry " + schema);
        }
    }

    /** Creates the registry when the database has none; run under the apply lock. */
    public void create(String storycVersion) throws DatabaseException {
        String text = engine.textType();
        String[] ddl = {
            "CREATE TABLE "
                    + schema
                    + ".registry (version INTEGER NOT NULL, created_by "
                    + text
                    + " NOT NULL,"
                    + " created_at TIMESTAMPTZ NOT NULL)",
            "CREATE TABLE "
                    + schema
                    + ".changes (story VARCHAR(64) NOT NULL, change VARCHAR(64) NOT NULL,"
                    + " sequence BIGINT NOT NULL, requires "
                    + text
                    + " NOT NULL, deploy_hash VARCHAR(71) NOT NULL,"
                    + " revert_hash VARCHAR(71) NOT NULL, revert_script "
                    + text
                    + " NOT NULL,"
                    + " deployed_by "
                    + text
                    + " NOT NULL, deployed_at TIMESTAMPTZ NOT NULL,"
                    + " output_commit VARCHAR(64) NOT NULL, environment_hash VARCHAR(71) NOT NULL,"
                    + " PRIMARY KEY (story, change))",
            "CREATE TABLE "
                    + schema
                    + ".events (sequence BIGINT NOT NULL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, kind"
                    + " VARCHAR(16) NOT NULL, story VARCHAR(64) NOT NULL, change VARCHAR(64) NOT"
                    + " NULL, deploy_hash VARCHAR(71), output_commit VARCHAR(64), environment_hash"
                    + " VARCHAR(71), actor "
                    + text
                    + " NOT NULL, message "
                    + text
                    + ")",
        };
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Only when missing: IF NOT EXISTS needs the privilege to create in the database
                // even when a DBA made the schema for storyc's deploy role.
                if (!Catalog.hasSchema(connection, schema)) {
                    statement.execute("CREATE SCHEMA " + schema);
                }
                for (String sql : ddl) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert =
                    connection.prepareStatement(
                            "INSERT INTO "
                                    + schema
                                    + ".registry (version, created_by, created_at) VALUES (?, ?, "
                                    + engine.now()
                                    + ")")) {
                insert.setInt(1, RegistryState.CURRENT_VERSION);
                insert.setString(2, "storyc " + storycVersion);
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw SqlFailures.failed(e, "creating the registry " + schema);
        } finally {
            autoCommit();
        }
    }

    /** One entry of the event log. */
    public record Event(
            long sequence,
            Instant at,
            String kind,
            ChangeId change,
            String deployHash,
            String outputCommit,
            String environmentHash,
            String actor,
            String message) {}

    /**
     * Returns the event log, oldest first; the last {@code limit} events when positive. The
     * registry is read first, so that a damaged or newer one is refused as every other command
     * refuses it: with its events table dropped, the log was printed empty, exit 0 (round 17).
     */
    public List<Event> events(int limit) throws DatabaseException {
        read();
        String sql =
                "SELECT sequence, at, kind, story, change, deploy_hash, output_commit,"
                    + " environment_hash, actor, message FROM "
                        + schema
                        + ".events"
                        + (limit > 0
                                ? " WHERE sequence > (SELECT COALESCE(MAX(sequence), 0) - "
                                        + limit
                                        + " FROM "
                                        + schema
                                        + ".events)"
                                : "")
                        + " ORDER BY sequence";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<Event> events = new ArrayList<>();
            while (rows.next()) {
                events.add(
                        new Event(
                                rows.getLong(1),
                                rows.getTimestamp(2).toInstant(),
                                rows.getString(3),
                                new ChangeId(rows.getString(4), rows.getString(5)),
                                rows.getString(6),
                                rows.getString(7),
                                rows.getString(8),
                                rows.getString(9),
                                rows.getString(10)));
            }
            return events;
        } catch (SQLException e) {
            rollbackQuietly();
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals("42P01") || state.equals("3F000")) {
                return List.of();
            }
            throw SqlFailures.failed(e, "reading the event log of " + schema);
        }
    }

    /** Returns the SQL that records a deployed change: one statement, one round trip. */
    String recordDeploySql() {
        return "WITH event AS (INSERT INTO "
                + schema
                + ".events (sequence, at, kind, story, change, deploy_hash,"
                + " output_commit, environment_hash, actor, message) VALUES (?, "
                + engine.now()
                + ", ?, ?, ?, ?, ?, ?, ?, ?) RETURNING sequence, at)"
                + " INSERT INTO "
                + schema
                + ".changes (story, change, sequence, requires, deploy_hash, revert_hash,"
                + " revert_script, deployed_by, deployed_at, output_commit, environment_hash)"
                + " SELECT ?, ?, sequence, ?, ?, ?, ?, ?, at, ?, ? FROM event";
    }

    /** Returns the SQL that forgets a reverted change and logs it: one statement. */
    String recordRevertSql() {
        return "WITH gone AS (DELETE FROM "
                + schema
                + ".changes WHERE story = ? AND change = ?"
                + " RETURNING deploy_hash)"
                + " "
                + logFrom("gone");
    }

    /** Returns the SQL that stores a corrected revert script and logs it. */
    String updateRevertSql() {
        return "WITH updated AS (UPDATE "
                + schema
                + ".changes SET revert_script = ?, revert_hash = ?"
                + " WHERE story = ? AND change = ? RETURNING deploy_hash)"
                + " "
                + logFrom("updated");
    }

    /**
     * Returns the statement that logs one event per row of the CTE {@code cte}, taking the change's
     * deploy hash from it: the second half of a revert's or a revert update's one statement.
     */
    private String logFrom(String cte) {
        return "INSERT INTO "
                + schema
                + ".events (sequence, at, kind, story, change, deploy_hash, output_commit,"
                + " environment_hash, actor, message) SELECT ?, "
                + engine.now()
                + ", ?, ?, ?, deploy_hash, ?, ?, ?, ?"
                + " FROM "
                + cte;
    }

    /** Returns the SQL that logs an event outside any change's transaction, such as a failure. */
    String eventSql() {
        return "INSERT INTO "
                + schema
                + ".events (sequence, at, kind, story, change, deploy_hash, output_commit,"
                + " environment_hash, actor, message) VALUES (?, "
                + engine.now()
                + ", ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** The registry's tables; a database holds all three or none. */
    private static final List<String> TABLES = List.of("registry", "changes", "events");

    /**
     * Returns which of the registry's tables the database lacks, asked of the {@link Catalog}
     * (information_schema hides the tables a user may not read), only after a read found one missing.
     */
    private List<String> missingTables() throws DatabaseException {
        try {
            Set<String> present = Catalog.tables(connection, schema);
            return TABLES.stream().filter(table -> !present.contains(table)).toList();
        } catch (SQLException e) {
            rollbackQuietly();
            throw SqlFailures.failed(e, "reading the tables of the registry " + schema);
        }
    }

    /**
     * Returns the failure of a registry that exists but is not whole. storyc then cannot tell what
     * is deployed: reading it as empty would deploy every change again over tables that exist, or
     * report them pending, so every command stops instead.
     */
    private DatabaseException damaged(String detail) {
        return new DatabaseException(
                DatabaseException.Kind.REGISTRY_DAMAGED,
                "the registry " + schema + " is damaged: " + detail
                        + "; storyc cannot tell what is deployed, and changed nothing",
                "restore the schema " + schema + " from a backup of this database; see docs/warehouse.md,"
                        + " \"A damaged registry\"",
                "");
    }

    private int versionOnly() throws DatabaseException {
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT MAX(version) FROM " + schema + ".registry")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            rollbackQuietly();
            throw SqlFailures.failed(e, "reading the version of the registry " + schema);
        }
    }

    private void checkVersion(int version) throws DatabaseException {
        if (version > RegistryState.CURRENT_VERSION) {
            throw new DatabaseException(
                    DatabaseException.Kind.REGISTRY_TOO_NEW,
                    "the registry "
                            + schema
                            + " has format "
                            + version
                            + ", written by a newer storyc; this storyc"
                            + " knows format "
                            + RegistryState.CURRENT_VERSION
                            + " and will not change it",
                    "run the storyc version that the rest of your pipeline uses (see storyc.lock's"
                        + " `compiler`)",
                    "");
        }
    }

    static List<String> splitRequires(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(" "));
    }

    private void rollbackQuietly() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is broken; the caller reports the original failure.
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Reported by the next statement, if the connection is gone.
        }
    }
}
