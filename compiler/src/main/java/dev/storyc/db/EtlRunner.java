package dev.storyc.db;

import dev.storyc.check.TableName;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.etl.EtlJob;
import dev.storyc.etl.RunStep;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one ETL job's planned steps ({@code etl.RunPlan}) in one transaction: all of them commit or
 * none does. The run is recorded in {@link EtlRuns} before the transaction starts and completed
 * after it ends, whatever happened.
 *
 * <p>A job is refused, before anything runs, when the registry says its story's schema changes are
 * not all deployed there with the text the output holds (pending, partly deployed, edited or being
 * reverted), or, for a story without schema changes, when its target table does not exist: running
 * it would fail half-way or load a table of the wrong shape.
 */
public final class EtlRunner {
    private final Connection connection;
    private final WarehouseTarget target;
    private final EtlRuns runs;
    private final Clock clock;

    /** How a run ended. */
    public enum Status {
        SUCCEEDED,
        FAILED,
        REFUSED
    }

    /** One job's run: its status, rows, times, and the diagnostic that explains a failure. */
    public record JobRun(
            EtlJob job,
            String runId,
            Status status,
            long rows,
            Instant started,
            Instant ended,
            Optional<Diagnostic> problem) {}

    public EtlRunner(Connection connection, WarehouseTarget target, EtlRuns runs, Clock clock) {
        this.connection = connection;
        this.target = target;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * Runs a job.
     *
     * @param schema where the story's schema changes stand in the registry ({@code deployed},
     *     {@code pending}, {@code partial}, {@code edited}, {@code revert}), or empty for a story
     *     that has none
     * @throws DatabaseException when the connection is lost or the run cannot be recorded
     */
    public JobRun run(EtlJob job, List<RunStep> steps, String outputCommit, Optional<String> schema)
            throws DatabaseException {
        String runId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        try {
            connection.setAutoCommit(true);
            Optional<Diagnostic> missing =
                    schema.isPresent() ? undeployed(job, schema.get()) : missingTarget(job);
            runs.started(
                    runId, target.environment(), job.story(), job.name(), outputCommit, started);
            if (missing.isPresent()) {
                return closed(recorded(job, runId, Status.REFUSED, 0, started, missing));
            }
            connection.setAutoCommit(false);
            long rows = 0;
            Optional<Diagnostic> problem = Optional.empty();
            // A failure of the warehouse, not of the job's SQL: recorded as the run's end, then exit 3.
            SQLException operational = null;
            for (RunStep step : steps) {
                try {
                    Optional<Long> done = step(job, step);
                    if (done.isEmpty()) {
                        problem = Optional.of(duplicateKeys(job, (RunStep.UniqueKey) step));
                        break;
                    }
                    rows += done.get();
                } catch (SQLException e) {
                    if (ServerErrors.isConnectionLost(e)) {
                        throw e;
                    }
                    problem = Optional.of(statementFailed(job, step, e));
                    operational = ServerErrors.isOperational(e) ? e : null;
                    break;
                }
            }
            if (problem.isPresent()) {
                connection.rollback();
                connection.setAutoCommit(true);
                resetSession();
                JobRun failed = closed(recorded(job, runId, Status.FAILED, 0, started, problem));
                if (operational != null) {
                    throw operational;
                }
                return failed;
            }
            // The end is recorded in the job's own transaction, so that the rows and the record of
            // them commit together: a run found `running` once its session is gone committed
            // nothing (EtlRuns).
            resetSession();
            JobRun run = recorded(job, runId, Status.SUCCEEDED, rows, started, problem);
            try {
                connection.commit();
            } catch (SQLException e) {
                if (ServerErrors.isConnectionLost(e)) {
                    throw e;
                }
                // A deferred constraint, or a serialization failure, refuses the commit itself;
                // the server has rolled the job back, and its own record of success with it.
                connection.setAutoCommit(true);
                resetSession();
                JobRun failed = closed(recorded(job, runId, Status.FAILED, 0, started,
                        Optional.of(commitFailed(job, e))));
                if (ServerErrors.isOperational(e)) {
                    throw e;
                }
                return failed;
            }
            connection.setAutoCommit(true);
            return closed(run);
        } catch (SQLException e) {
            throw SqlFailures.failed(
                    e, "running ETL job " + job.qualifiedName() + " in " + target.environment());
        }
    }

    /**
     * Resets what the job's SQL set: a SET outlives the transaction it committed in, into the next
     * job and the run's own record, and RESET ALL leaves a SET ROLE in place.
     */
    private void resetSession() throws SQLException {
        try (Statement reset = connection.createStatement()) {
            reset.execute("RESET ALL; " + target.engine().identityReset() + "; " + SessionBounds.sql(target));
        }
    }

    /** Releases a run's lock once its end is committed, and returns the run. */
    private JobRun closed(JobRun run) throws SQLException {
        runs.closed(run.runId());
        return run;
    }

    private JobRun recorded(
            EtlJob job,
            String runId,
            Status status,
            long rows,
            Instant started,
            Optional<Diagnostic> problem)
            throws SQLException {
        Instant ended = clock.instant();
        runs.ended(
                runId,
                ended,
                rows,
                status.name().toLowerCase(Locale.ROOT),
                problem.map(Diagnostic::message).orElse(""));
        return new JobRun(job, runId, status, rows, started, ended, problem);
    }

    /** Runs a step; returns the rows it loaded, or empty when a key check found duplicates. */
    private Optional<Long> step(EtlJob job, RunStep step) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (step instanceof RunStep.ScriptStatement script) {
                statement.execute(script.sql());
                return Optional.of(
                        script.countsRows() ? Math.max(0, statement.getUpdateCount()) : 0L);
            } else if (step instanceof RunStep.StageQuery stage) {
                statement.execute(stage.sql());
                return Optional.of(0L);
            } else if (step instanceof RunStep.Generated generated) {
                statement.execute(generated.sql());
                return Optional.of(0L);
            } else if (step instanceof RunStep.InsertFromStage insert) {
                List<String> columns = new ArrayList<>();
                try (ResultSet empty = statement.executeQuery(insert.columnsQuery())) {
                    ResultSetMetaData meta = empty.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnName(i));
                    }
                }
                return Optional.of((long) statement.executeUpdate(insert.sql(columns)));
            }
            RunStep.UniqueKey unique = (RunStep.UniqueKey) step;
            try (ResultSet duplicates = statement.executeQuery(unique.sql())) {
                if (duplicates.next()) {
                    return Optional.empty();
                }
            }
            return Optional.of(0L);
        }
    }

    private Optional<Diagnostic> undeployed(EtlJob job, String state) {
        if (state.equals("deployed")) {
            return Optional.empty();
        }
        String why =
                switch (state) {
                    case "pending" -> "are not deployed there yet";
                    case "partial" -> "are only partly deployed there";
                    case "edited" -> "were edited since they were deployed there";
                    default -> "are being reverted there";
                };
        return Optional.of(
                Diagnostic.error(
                                Code.ETL_SCHEMA_NOT_DEPLOYED,
                                job.definedAt(),
                                "ETL job `"
                                        + job.qualifiedName()
                                        + "` was not run: story `"
                                        + job.story()
                                        + "`'s schema changes "
                                        + why
                                        + " ("
                                        + target.environment()
                                        + ")")
                        .withHint(state.equals("pending")
                                ? "deploy them first: storyc warehouse apply --env " + target.environment()
                                        + ", in the workspace; or, if this is a checkout the schedules run"
                                        + " in, pull it (git pull): a story backed out after its commit has"
                                        + " had its tables reverted, and its job left the schedule"
                                : "deploy them first: storyc warehouse apply --env " + target.environment()));
    }

    private Optional<Diagnostic> missingTarget(EtlJob job) throws SQLException {
        // Read as SQL reads it, unquoted parts folded and quoted ones as written: lower-casing
        // `raw."OrdersCopy"` whole found no table, and every run of its job was refused (round 15).
        Optional<TableName> name = TableName.parse(job.target());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String schema = name.get().schema().orElse(target.schema().toLowerCase(Locale.ROOT));
        String table = name.get().table();
        // The catalog, not information_schema, which hides a table the user may not read: such
        // a target is the privilege's failure, at the job's statement, not a missing table.
        if (Catalog.tables(connection, schema).contains(table)) {
            return Optional.empty();
        }
        return Optional.of(
                Diagnostic.error(
                                Code.ETL_SCHEMA_NOT_DEPLOYED,
                                job.definedAt(),
                                "ETL job `"
                                        + job.qualifiedName()
                                        + "` was not run: its target "
                                        + job.target()
                                        + " does not exist in "
                                        + target.environment()
                                        + ", and story `"
                                        + job.story()
                                        + "` has no schema change that would create it")
                        .withHint(
                                "create the table: in a schema change of the story that owns it (then"
                                        + " storyc warehouse apply --env "
                                        + target.environment()
                                        + "), or outside storyc for a table declared external; or fix"
                                        + " the job's `target`"));
    }

    private Diagnostic statementFailed(EtlJob job, RunStep step, SQLException e) {
        int offset = ServerErrors.position(e);
        Position at;
        String what;
        if (step instanceof RunStep.ScriptStatement script) {
            at = offset > 0 ? script.statement().positionOf(offset) : script.statement().start();
            what = "a statement of";
        } else if (step instanceof RunStep.StageQuery stage) {
            at = offset > 0 ? stage.positionOf(offset) : stage.query().start();
            what = "the query of";
        } else {
            at = job.definedAt();
            what =
                    step instanceof RunStep.InsertFromStage
                            ? "loading the query's rows (columns are matched to the target's by"
                                  + " name) in"
                            : "the SQL storyc writes for mode " + job.mode().name() + " in";
        }
        return failed(job, at, what + " ETL job", e, "the job's transaction was rolled back");
    }

    private Diagnostic commitFailed(EtlJob job, SQLException e) {
        return failed(job, job.definedAt(), "committing ETL job", e, "the server rolled the job's transaction back");
    }

    /** E0903: what failed in which environment, the server's words, and that nothing was kept. */
    private Diagnostic failed(EtlJob job, Position at, String what, SQLException e, String why) {
        return Diagnostic.error(Code.ETL_STATEMENT_FAILED, at, what + " `" + job.qualifiedName() + "` failed in "
                        + target.environment() + ": " + ServerErrors.message(e) + ServerErrors.stateSuffix(e))
                .withHint("nothing of this run was kept: " + why);
    }

    private Diagnostic duplicateKeys(EtlJob job, RunStep.UniqueKey step) {
        List<String> examples = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(step.sql())) {
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= step.key().size(); i++) {
                    values.add(String.valueOf(rows.getString(i)));
                }
                examples.add(
                        "("
                                + String.join(", ", values)
                                + ") x"
                                + rows.getLong(step.key().size() + 1));
            }
        } catch (SQLException e) {
            examples.add("(the duplicates could not be listed: " + ServerErrors.message(e) + ")");
        }
        return Diagnostic.error(
                        Code.ETL_KEY_NOT_UNIQUE,
                        job.definedAt(),
                        "ETL job `"
                                + job.qualifiedName()
                                + "` would leave key ("
                                + String.join(", ", step.key())
                                + ") repeated in "
                                // The target, not the relation checked: a merge checks its
                                // stage, a temporary table of storyc's the user never named.
                                + job.target()
                                + ": "
                                + String.join(", ", examples))
                .withHint("nothing of this run was kept; make the job's rows unique by its key");
    }
}
