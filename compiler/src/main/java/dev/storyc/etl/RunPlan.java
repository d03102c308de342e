package dev.storyc.etl;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what running one job sends to the database, from its mode and the shape of its SQL.
 *
 * <p>A job's SQL file is either a <em>query</em> (one {@code SELECT}, or a {@code WITH} that ends
 * in one), whose rows storyc loads as the mode says, or a <em>script</em> of statements that load
 * the target themselves, the shape every job had before modes meant anything. Both run in one
 * transaction:
 *
 * <pre>
 *            query                                   script
 * append     stage; insert                           the statements
 * replace    stage; DELETE FROM target; insert       DELETE FROM target; the statements
 * merge      stage; key unique in stage;             the statements; key unique in target
 *            DELETE matching keys; insert
 * </pre>
 *
 * A query is staged before a replace empties the target, since it may read the target itself
 * (the current rows plus what is new): emptied first, it read nothing, and the job committed an
 * empty table as a success.
 *
 * <p>{@code DELETE} rather than {@code TRUNCATE} empties a target because Redshift commits a {@code
 * TRUNCATE} at once, which would break the one-transaction promise. An {@code append} or {@code
 * replace} job that names a key also proves it unique afterwards.
 */
public final class RunPlan {
    private RunPlan() {}

    /** Returns the steps of a run of {@code job}, whose SQL file is at {@code path}. */
    public static Result<List<RunStep>> of(EtlJob job, String path, String sql) {
        List<SqlStatement> statements = SqlScript.statements(path, sql);
        if (statements.isEmpty()) {
            return Result.failed(
                    List.of(
                            Diagnostic.error(
                                            Code.ETL_QUERY_SHAPE,
                                            job.definedAt(),
                                            "ETL job `"
                                                    + job.qualifiedName()
                                                    + "` runs `"
                                                    + path
                                                    + "`, which holds no SQL"
                                                    + " statement")
                                    .withHint(
                                            "write the SELECT whose rows the job loads, or the"
                                                + " statements that load them")));
        }
        Optional<SqlStatement> discarded = discardedQuery(statements);
        if (discarded.isPresent()) {
            return Result.failed(List.of(discardedRows(job.qualifiedName(), path, job.target(),
                    discarded.get().start())));
        }
        List<RunStep> steps = new ArrayList<>();
        boolean query = isQuery(statements);
        if (query && job.mode() instanceof EtlMode.Merge merge && merge.key().isEmpty()) {
            var problem = JobKey.problem(job.name(), "merge", null, true).orElseThrow();
            return Result.failed(
                    List.of(
                            Diagnostic.error(problem.code(), job.definedAt(), problem.message())
                                    .withHint(problem.hint())));
        }
        if (query) {
            String stage = stageName(job);
            steps.add(
                    new RunStep.StageQuery(
                            statements.get(0), "CREATE TEMPORARY TABLE " + stage + " AS\n"));
            if (job.mode() instanceof EtlMode.Replace) {
                steps.add(emptyTarget(job));
            }
            if (job.mode() instanceof EtlMode.Merge merge) {
                steps.add(uniqueKey(stage, merge.key()));
                steps.add(
                        new RunStep.Generated(
                                deleteMatching(job.target(), stage, merge.key()),
                                "delete the target rows the job replaces"));
            }
            steps.add(new RunStep.InsertFromStage(job.target(), stage));
            if (!(job.mode() instanceof EtlMode.Merge) && !job.key().isEmpty()) {
                steps.add(uniqueKey(job.target(), job.key()));
            }
            steps.add(new RunStep.Generated("DROP TABLE " + stage, "drop the stage"));
        } else {
            if (job.mode() instanceof EtlMode.Replace) {
                steps.add(emptyTarget(job));
            }
            statements.forEach(s -> steps.add(new RunStep.ScriptStatement(s)));
            if (!job.key().isEmpty()) {
                steps.add(uniqueKey(job.target(), job.key()));
            }
        }
        return Result.of(List.copyOf(steps), List.of());
    }

    /** The first words of statements that write, which a script's own rows come from. */
    private static final java.util.Set<String> WRITES = java.util.Set.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "CALL", "DO", "EXECUTE");

    /**
     * Returns the query whose rows a script would throw away: a script that writes nothing and ends
     * with a query that reads a table, such as {@code SET work_mem ...; SELECT ... FROM raw.orders}.
     * Run as a script, a replace job emptied its target, the rows were lost, and the run said it
     * succeeded with 0 rows. A {@code SELECT refresh_totals()} reads no table: a function may write.
     */
    public static Optional<SqlStatement> discardedQuery(List<SqlStatement> statements) {
        if (statements.size() < 2) {
            return Optional.empty();
        }
        SqlStatement last = statements.get(statements.size() - 1);
        boolean writes = statements.stream().anyMatch(statement -> WRITES.contains(statement.firstWord())
                || statement.firstWord().equals("WITH") && !statement.isQuery()
                || statement.firstWord().equals("SELECT") && statement.topLevelWords().contains("INTO"));
        return !writes && last.isQuery() && last.topLevelWords().contains("FROM") ? Optional.of(last) : Optional.empty();
    }

    /** The refusal, at {@code at}, of a script whose last query's rows would be thrown away. */
    public static Diagnostic discardedRows(String job, String path, String target, Position at) {
        return Diagnostic.error(Code.ETL_QUERY_SHAPE, at,
                        "ETL job `" + job + "` runs `" + path + "`, a script that writes nothing and ends with a"
                                + " query, whose rows a script throws away")
                .withHint("load the rows of a query by keeping it alone in the file, or write them with"
                        + " INSERT INTO " + target + " ... SELECT");
    }

    /** Returns true when a job's SQL is one query whose rows storyc loads, rather than a script. */
    public static boolean isQuery(List<SqlStatement> statements) {
        return statements.size() == 1 && statements.get(0).isQuery();
    }

    private static RunStep emptyTarget(EtlJob job) {
        return new RunStep.Generated("DELETE FROM " + job.target(), "empty the target");
    }

    /** Returns the temporary table a query job stages its rows in. */
    static String stageName(EtlJob job) {
        return "storyc_stage_" + job.name().replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static RunStep.UniqueKey uniqueKey(String relation, List<String> key) {
        String columns = String.join(", ", key);
        return new RunStep.UniqueKey(
                relation,
                key,
                "SELECT "
                        + columns
                        + ", COUNT(*) AS copies\nFROM "
                        + relation
                        + "\nGROUP BY "
                        + columns
                        + "\nHAVING COUNT(*) > 1\nLIMIT 10");
    }

    private static String deleteMatching(String target, String stage, List<String> key) {
        List<String> matches =
                key.stream().map(c -> target + "." + c + " = " + stage + "." + c).toList();
        return "DELETE FROM "
                + target
                + "\nUSING "
                + stage
                + "\nWHERE "
                + String.join("\n  AND ", matches);
    }
}
