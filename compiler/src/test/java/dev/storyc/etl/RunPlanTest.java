package dev.storyc.etl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.diag.Position;
import dev.storyc.diag.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPlanTest {
    static final String QUERY = "-- rows\nSELECT id, name\nFROM raw.feed";
    static final String SCRIPT =
            "DELETE FROM a.t WHERE d = 1;\nINSERT INTO a.t SELECT * FROM raw.feed;";

    static EtlJob job(EtlMode mode, List<String> key) {
        return new EtlJob(
                "s",
                "load",
                "a.t",
                "0 3 * * *",
                "load.sql",
                "raw.feed",
                mode,
                key,
                "",
                Position.ofFile("etl/s/load.job.toml"));
    }

    @Test
    void aParenthesisedUnionIsOneQueryAndSelectsOfFunctionsAScript() {
        List<RunStep> union = plan(job(new EtlMode.Replace(), List.of()),
                "(SELECT id, name FROM raw.a)\nUNION ALL\n(SELECT id, name FROM raw.b)");
        assertThat(union).extracting(step -> step.getClass().getSimpleName())
                .containsExactly("StageQuery", "Generated", "InsertFromStage", "Generated");
        // A SELECT of a function may write (SELECT refresh_totals()): several of them are a script.
        assertThat(plan(job(new EtlMode.Append(), List.of()), "SELECT refresh_a();\nSELECT refresh_b();\n"))
                .extracting(step -> step.getClass().getSimpleName())
                .containsExactly("ScriptStatement", "ScriptStatement");
        assertThat(plan(job(new EtlMode.Replace(), List.of()),
                "SET LOCAL work_mem = '64MB';\nINSERT INTO a.t SELECT * FROM raw.feed;\nSELECT count(*) FROM a.t;"))
                .hasSize(4);
    }

    /**
     * Preparation and then the query, written as a script: a replace job emptied its target, threw
     * the rows away and said it succeeded with 0 rows. It is refused before anything runs.
     */
    @Test
    void aScriptThatWritesNothingAndEndsWithAQueryIsRefused() {
        for (String sql : List.of("SET LOCAL work_mem = '64MB';\nSELECT id FROM raw.feed;",
                "CREATE TEMP TABLE f ON COMMIT DROP AS SELECT id FROM raw.feed;\nSELECT id FROM f;")) {
            Result<List<RunStep>> refused = RunPlan.of(job(new EtlMode.Replace(), List.of()), "etl/s/load.sql", sql);
            assertThat(refused.ok()).isFalse();
            assertThat(refused.diagnostics()).extracting(d -> d.code().id() + " " + d.position() + " " + d.message())
                    .containsExactly("E0907 etl/s/load.sql:2:1 ETL job `s/load` runs `etl/s/load.sql`, a script that"
                            + " writes nothing and ends with a query, whose rows a script throws away");
        }
    }

    @Test
    void aMergeQueryIsStagedCheckedForDuplicateKeysDeletedByKeyAndInserted() {
        List<RunStep> steps =
                plan(job(new EtlMode.Merge(List.of("id", "day")), List.of("id", "day")), QUERY);

        assertThat(steps).hasSize(5);
        RunStep.StageQuery stage = (RunStep.StageQuery) steps.get(0);
        assertThat(stage.sql())
                .isEqualTo(
                        "CREATE TEMPORARY TABLE storyc_stage_load AS\n"
                            + "SELECT id, name\n"
                            + "FROM raw.feed");
        assertThat(((RunStep.UniqueKey) steps.get(1)).sql())
                .isEqualTo(
                        "SELECT id, day, COUNT(*) AS copies\n"
                            + "FROM storyc_stage_load\n"
                            + "GROUP BY id, day\n"
                            + "HAVING COUNT(*) > 1\n"
                            + "LIMIT 10");
        assertThat(((RunStep.Generated) steps.get(2)).sql())
                .isEqualTo(
                        "DELETE FROM a.t\n"
                            + "USING storyc_stage_load\n"
                            + "WHERE a.t.id = storyc_stage_load.id\n"
                            + "  AND a.t.day = storyc_stage_load.day");
        RunStep.InsertFromStage insert = (RunStep.InsertFromStage) steps.get(3);
        assertThat(insert.sql(List.of("id", "name")))
                .isEqualTo("INSERT INTO a.t (id, name)\nSELECT id, name FROM storyc_stage_load");
        assertThat(((RunStep.Generated) steps.get(4)).sql())
                .isEqualTo("DROP TABLE storyc_stage_load");
    }

    @Test
    void aServerPositionInTheStagedQueryMapsToTheJobFile() {
        RunStep.StageQuery stage =
                (RunStep.StageQuery) plan(job(new EtlMode.Append(), List.of()), QUERY).get(0);
        int offsetOfFrom = stage.sql().indexOf("FROM raw") + 1;

        assertThat(stage.positionOf(offsetOfFrom)).isEqualTo(Position.of("etl/s/load.sql", 3, 1));
    }

    @Test
    void replaceEmptiesTheTargetBeforeAScriptButAfterStagingAQuery() {
        assertThat(plan(job(new EtlMode.Replace(), List.of()), SCRIPT))
                .extracting(RunPlanTest::describe)
                .containsExactly(
                        "Generated DELETE FROM a.t",
                        "ScriptStatement DELETE FROM a.t WHERE d = 1",
                        "ScriptStatement INSERT INTO a.t SELECT * FROM raw.feed");
        assertThat(plan(job(new EtlMode.Replace(), List.of()), QUERY))
                .extracting(RunPlanTest::describe)
                .containsExactly(
                        "StageQuery",
                        "Generated DELETE FROM a.t",
                        "InsertFromStage",
                        "Generated DROP TABLE storyc_stage_load");
    }

    @Test
    void aMergeScriptRunsAsWrittenThenProvesItsKeyUniqueInTheTarget() {
        List<RunStep> steps = plan(job(new EtlMode.Merge(List.of("id")), List.of("id")), SCRIPT);

        assertThat(steps)
                .extracting(RunPlanTest::describe)
                .containsExactly(
                        "ScriptStatement DELETE FROM a.t WHERE d = 1",
                        "ScriptStatement INSERT INTO a.t SELECT * FROM raw.feed",
                        "UniqueKey a.t");
        assertThat(((RunStep.ScriptStatement) steps.get(0)).countsRows()).isFalse();
        assertThat(((RunStep.ScriptStatement) steps.get(1)).countsRows()).isTrue();
    }

    @Test
    void anAppendWithAKeyChecksTheTargetAfterInserting() {
        assertThat(plan(job(new EtlMode.Append(), List.of("id")), QUERY))
                .extracting(RunPlanTest::describe)
                .containsExactly(
                        "StageQuery",
                        "InsertFromStage",
                        "UniqueKey a.t",
                        "Generated DROP TABLE storyc_stage_load");
    }

    @Test
    void aMergeQueryWithoutAKeyIsRefusedAtTheJobFileButAMergeScriptRunsAsWritten() {
        Result<List<RunStep>> query =
                RunPlan.of(job(new EtlMode.Merge(List.of()), List.of()), "etl/s/load.sql", QUERY);

        assertThat(query.ok()).isFalse();
        assertThat(query.diagnostics().get(0).code().id()).isEqualTo("E0901");
        assertThat(query.diagnostics().get(0).position())
                .isEqualTo(Position.ofFile("etl/s/load.job.toml"));
        assertThat(plan(job(new EtlMode.Merge(List.of()), List.of()), SCRIPT)).hasSize(2);
    }

    @Test
    void aFileWithoutStatementsIsAnError() {
        Result<List<RunStep>> result =
                RunPlan.of(job(new EtlMode.Append(), List.of()), "etl/s/load.sql", "-- none\n");

        assertThat(result.ok()).isFalse();
        assertThat(result.diagnostics().get(0).code().id()).isEqualTo("E0907");
        assertThat(result.diagnostics().get(0).position())
                .isEqualTo(Position.ofFile("etl/s/load.job.toml"));
    }

    private static List<RunStep> plan(EtlJob job, String sql) {
        Result<List<RunStep>> result = RunPlan.of(job, "etl/s/load.sql", sql);
        assertThat(result.ok()).isTrue();
        return result.get();
    }

    private static String describe(RunStep step) {
        if (step instanceof RunStep.Generated g) {
            return "Generated " + g.sql();
        } else if (step instanceof RunStep.ScriptStatement s) {
            return "ScriptStatement " + s.sql();
        } else if (step instanceof RunStep.UniqueKey u) {
            return "UniqueKey " + u.relation();
        }
        return step.getClass().getSimpleName();
    }
}
