package dev.storyc.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's record of ETL runs: the table {@code <registry schema>.etl_runs}, one row per run,
 * written when the run starts (status {@code running}) and completed when it ends, so that a failed
 * or killed run is on record too. A successful run's end is written inside the job's transaction,
 * so that the rows and the record of them commit together; a failed or refused run's after the
 * rollback. Run ids are UUIDs made by storyc rather than identity columns, whose syntax PostgreSQL
 * and Redshift spell differently.
 *
 * <p>A run that stays {@code running} after its session ended (storyc killed, its connection
 * lost) is read as {@code abandoned}, on PostgreSQL, by the lock of {@link EtlRunLocks}. Since a
 * success is recorded with the rows, such a run committed nothing.
 */
public final class EtlRuns {
    private final Connection connection;
    private final String table;

    /** One recorded run, as {@code etl status} shows it. */
    public record Run(
            String runId,
            String story,
            String job,
            String outputCommit,
            Instant started,
            Optional<Instant> ended,
            long rows,
            String status,
            String error) {}

    /** What {@code etl status} says of a run whose session ended while it was running. */
    static final String ABANDONED_ERROR =
            "the run's session ended before it recorded its end (storyc was killed, or lost its"
                    + " connection); its transaction did not commit";

    private final boolean exists;
    private final boolean locks;

    private EtlRuns(Connection connection, String table, boolean exists, Engine engine) {
        this.connection = connection;
        this.table = table;
        this.exists = exists;
        this.locks = engine.hasAdvisoryLocks();
    }

    /**
     * Returns the record for reading only: {@code etl status} is a report, and creating the table
     * made it fail for a user who may read the warehouse but not create in it. A record not made
     * yet holds no runs. Whether it exists is asked of the {@link Catalog}: a user who may not read
     * the record was told that every job had never run (round 17); reading it now says why not.
     */
    public static EtlRuns existing(Connection connection, WarehouseTarget target) throws DatabaseException {
        String schema = target.registrySchema();
        try {
            return new EtlRuns(connection, schema + ".etl_runs",
                    Catalog.tables(connection, schema).contains("etl_runs"), target.engine());
        } catch (SQLException e) {
            throw SqlFailures.failed(e, "reading the ETL run record " + schema + ".etl_runs");
        }
    }

    /** Opens the record, creating its schema and table on first use. */
    public static EtlRuns open(Connection connection, WarehouseTarget target)
            throws DatabaseException {
        String schema = target.registrySchema();
        String table = schema + ".etl_runs";
        for (int attempt = 1; ; attempt++) {
            try {
                create(connection, schema, table);
                return new EtlRuns(connection, table, true, target.engine());
            } catch (SQLException e) {
                // Two runs that start together on a new database both find no table, and the
                // second CREATE ... IF NOT EXISTS then fails on the catalog's unique index: the
                // table it wanted is there, so one more try finds it.
                boolean raced = "23505".equals(e.getSQLState()) || "42P06".equals(e.getSQLState())
                        || "42P07".equals(e.getSQLState());
                if (!raced || attempt == 2) {
                    throw SqlFailures.failed(
                            e, "creating the ETL run record " + table + " in " + target.environment());
                }
            }
        }
    }

    private static void create(Connection connection, String schema, String table) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // Only what is missing: IF NOT EXISTS needs the privilege to create all the same.
            if (!Catalog.hasSchema(connection, schema)) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
            if (Catalog.tables(connection, schema).contains("etl_runs")) {
                return;
            }
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS "
                            + table
                            + " (\n"
                            + "    run_id        VARCHAR(36)   NOT NULL PRIMARY KEY,\n"
                            + "    environment   VARCHAR(100)  NOT NULL,\n"
                            + "    story         VARCHAR(100)  NOT NULL,\n"
                            + "    job           VARCHAR(200)  NOT NULL,\n"
                            + "    output_commit VARCHAR(64)   NOT NULL,\n"
                            + "    started_at    TIMESTAMP     NOT NULL,\n"
                            + "    ended_at      TIMESTAMP,\n"
                            + "    rows_affected BIGINT,\n"
                            + "    status        VARCHAR(16)   NOT NULL,\n"
                            + "    error         VARCHAR(4000)\n"
                            + ")");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Records a run's start; autocommit, before the job's transaction begins. The run's lock is
     * taken first, so that a reader who sees the row sees the lock while the run lasts.
     */
    void started(
            String runId, String environment, String story, String job, String commit, Instant at)
            throws SQLException {
        if (locks) {
            EtlRunLocks.hold(connection, runId);
        }
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO "
                                + table
                                + " (run_id, environment, story, job, output_commit, started_at,"
                                + " status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, environment);
            insert.setString(3, story);
            insert.setString(4, job);
            insert.setString(5, commit);
            insert.setObject(6, utc(at));
            insert.setString(7, "running");
            insert.executeUpdate();
        }
    }

    /**
     * Records a run's end: inside the job's transaction for a success, after the rollback
     * otherwise. The run's lock is released by {@link #closed} once the end is committed.
     */
    void ended(String runId, Instant at, long rows, String status, String error)
            throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement(
                        "UPDATE "
                                + table
                                + " SET ended_at = ?, rows_affected = ?, status = ?, error = ?"
                                + " WHERE run_id = ?")) {
            update.setObject(1, utc(at));
            update.setLong(2, rows);
            update.setString(3, status);
            update.setString(
                    4, error.isEmpty() ? null : error.substring(0, Math.min(error.length(), 4000)));
            update.setString(5, runId);
            update.executeUpdate();
        }
    }

    /**
     * Returns an instant as the columns hold it: UTC wall time. The columns are {@code TIMESTAMP}
     * without a zone, and a {@code java.sql.Timestamp} is written in the JVM's own zone, so hosts
     * on different zones (a cron host on local time, CI on UTC) recorded runs hours apart, and the
     * last run shown was the wrong one (round 17).
     */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** Releases the run's lock, once its end is committed. */
    void closed(String runId) throws SQLException {
        if (locks) {
            EtlRunLocks.release(connection, runId);
        }
    }

    /**
     * Returns the last run of each job of the environment; one still {@code running} whose lock no
     * session holds is {@code abandoned}.
     */
    public List<Run> lastRuns(String environment) throws DatabaseException {
        if (!exists) {
            return List.of();
        }
        String sql =
                "SELECT r.run_id, r.story, r.job, r.output_commit, r.started_at, r.ended_at,"
                    + " r.rows_affected, r.status, r.error FROM "
                        + table
                        + " AS r WHERE r.environment = ? AND r.started_at = (SELECT"
                        + " MAX(l.started_at) FROM "
                        + table
                        + " AS l WHERE l.environment = r.environment AND l.story = r.story AND"
                        + " l.job = r.job) ORDER BY r.story, r.job";
        List<Run> runs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, environment);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    LocalDateTime ended = rows.getObject(6, LocalDateTime.class);
                    runs.add(
                            new Run(
                                    rows.getString(1),
                                    rows.getString(2),
                                    rows.getString(3),
                                    rows.getString(4),
                                    rows.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                                    Optional.ofNullable(ended).map(at -> at.toInstant(ZoneOffset.UTC)),
                                    rows.getLong(7),
                                    rows.getString(8),
                                    rows.getString(9) == null ? "" : rows.getString(9)));
                }
            }
            return locks ? abandonedMarked(runs) : runs;
        } catch (SQLException e) {
            throw SqlFailures.failed(e, "reading the ETL run record " + table);
        }
    }

    private List<Run> abandonedMarked(List<Run> runs) throws SQLException {
        if (runs.stream().noneMatch(r -> r.status().equals("running"))) {
            return runs;
        }
        // Rows, then locks, then the rows again: a run takes its lock before writing its row and
        // releases it after committing its end, so one still running at the last read held its
        // lock at the second. Reading once each way marks a run that started, or ended, between.
        Set<Integer> alive = EtlRunLocks.held(connection);
        List<Run> marked = new ArrayList<>();
        for (Run run : runs) {
            boolean abandoned =
                    run.status().equals("running")
                            && !alive.contains(EtlRunLocks.key(run.runId()))
                            && stillRunning(run.runId());
            marked.add(
                    abandoned
                            ? new Run(
                                    run.runId(), run.story(), run.job(), run.outputCommit(),
                                    run.started(), run.ended(), run.rows(), "abandoned",
                                    ABANDONED_ERROR)
                            : run);
        }
        return marked;
    }

    private boolean stillRunning(String runId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT status FROM " + table + " WHERE run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && "running".equals(rows.getString(1));
            }
        }
    }
}
