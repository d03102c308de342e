package dev.storyc.cli;

import static dev.storyc.testing.WarehouseWorkspace.rows;
import static dev.storyc.testing.WarehouseWorkspace.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * {@code storyc warehouse apply --log-only} against a real PostgreSQL: adopting a database whose
 * tables hand-run migrations made. The changes are recorded and their deploy scripts never run;
 * a table missing, a verify failing or a revert in the plan records nothing.
 */
class WarehouseLogOnlyTest {
    @TempDir Path temp;

    WarehouseWorkspace ws;

    @BeforeEach
    void create() {
        ws = WarehouseWorkspace.create(temp);
    }

    @AfterEach
    void drop() {
        ws.close();
    }

    /** The state a team arrives with: the tables exist, with rows, and no registry. */
    private void builtByHand() {
        ws.acc.execute("CREATE SCHEMA analytics;"
                + " CREATE TABLE analytics.base (id INTEGER NOT NULL);"
                + " CREATE TABLE analytics.extra (base_id INTEGER NOT NULL);"
                + " INSERT INTO analytics.base VALUES (1), (2)");
    }

    @Test
    void recordsTheChangesAndRunsNoDeployScript() {
        builtByHand();
        run(0, "compile", "--env", "acc");

        Storyc.Outcome plan = run(0, "warehouse", "plan", "--env", "acc", "--log-only");
        assertThat(plan.stdout())
                .containsPattern("record\\s+base/base\\s+new; --log-only: deploy.sql not run, 1 table checked,"
                        + " no verify.sql")
                .contains("0 to revert, 0 to deploy, 2 to record (--log-only), 0 to rework, 0 up to date");

        Storyc.Outcome applied = run(0, "warehouse", "apply", "--env", "acc", "--log-only");

        assertThat(applied.stdout()).containsPattern("recorded\\s+base/base").containsPattern("recorded\\s+extra/base")
                .contains("2 changes applied");
        assertThat(rows(ws.acc, "SELECT count(*) FROM analytics.base")).as("the rows are untouched").containsExactly("2");
        assertThat(rows(ws.acc, "SELECT kind, story, change FROM storyc.events ORDER BY sequence"))
                .containsExactly("log-only|base|base", "log-only|extra|base");
        assertThat(run(0, "warehouse", "status", "--env", "acc").stdout())
                .contains("acc at output").contains("2 deployed, 0 pending");
        assertThat(run(0, "warehouse", "apply", "--env", "acc").stdout()).contains("nothing to do");
    }

    @Test
    void aLaterChangeDeploysAsUsualAfterTheAdoption() {
        builtByHand();
        run(0, "compile", "--env", "acc");
        run(0, "warehouse", "apply", "--env", "acc", "--log-only");
        ws.write("stories/base/schema/changes/01-note/deploy.sql",
                "ALTER TABLE <% env.warehouse.schema %>.base ADD COLUMN note TEXT;\n");
        ws.write("stories/base/schema/changes/01-note/revert.sql",
                "ALTER TABLE <% env.warehouse.schema %>.base DROP COLUMN note;\n");
        run(0, "compile", "--env", "acc");

        assertThat(run(0, "warehouse", "apply", "--env", "acc").stdout()).containsPattern("deployed\\s+base/note");

        assertThat(rows(ws.acc, "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                + " 'analytics' AND table_name = 'base' ORDER BY ordinal_position")).containsExactly("id", "note");
    }

    @Test
    void aMissingTableRecordsNothing() {
        ws.acc.execute("CREATE SCHEMA analytics; CREATE TABLE analytics.base (id INTEGER NOT NULL)");
        run(0, "compile", "--env", "acc");

        Storyc.Outcome refused = run(1, "warehouse", "apply", "--env", "acc", "--log-only");

        assertThat(refused.stderr())
                .contains("error[E0811]: --log-only would record `extra/base` as deployed, but the database has no"
                        + " table `analytics.extra`, which its deploy script creates\n --> warehouse/extra/base/deploy.sql:1:1");
        assertThat(rows(ws.acc, "SELECT story FROM storyc.changes ORDER BY sequence"))
                .as("the change before it was recorded in its own transaction, as an apply commits")
                .containsExactly("base");
        assertThat(tables(ws.acc, "analytics")).containsExactly("base");

        Storyc.Outcome json = run(1, "warehouse", "apply", "--env", "acc", "--log-only", "--format", "json");
        assertThat(json.stdout()).as("one key for diagnostics in every document")
                .contains("\"diagnostics\" : [ {").contains("\"code\" : \"E0811\"")
                .doesNotContain("\"failure\"").doesNotContain("\"refused\"");
    }

    @Test
    void aTableIsLookedForAsTheDeployWouldHaveLeftIt() {
        // Round 21: a view of the name passed for the table, and the script's own search path was
        // ignored, so a decoy in public passed and the real table was refused.
        ws.acc.execute("CREATE SCHEMA analytics; CREATE TABLE analytics.base (id INTEGER NOT NULL);"
                + " CREATE VIEW analytics.extra AS SELECT 1 AS base_id");
        run(0, "compile", "--env", "acc");
        assertThat(run(1, "warehouse", "apply", "--env", "acc", "--log-only").stderr())
                .contains("error[E0811]").contains("no table `analytics.extra`");

        ws.write("stories/extra/schema/deploy.sql", """
                SET search_path TO <% env.warehouse.schema %>;
                CREATE TABLE extra_scratch AS SELECT id FROM base;
                CREATE TABLE extra (base_id INTEGER NOT NULL);
                INSERT INTO extra SELECT id FROM extra_scratch;
                DROP TABLE extra_scratch;
                """);
        ws.write("stories/extra/schema/verify.sql", "SELECT base_id FROM extra WHERE false;\n");
        run(0, "compile", "--env", "acc");
        ws.acc.execute("DROP VIEW analytics.extra; CREATE TABLE public.extra (base_id INTEGER NOT NULL)");
        Storyc.Outcome decoy = run(1, "warehouse", "apply", "--env", "acc", "--log-only");
        assertThat(decoy.stderr()).contains("error[E0811]").contains("no table `extra`")
                .contains("--> warehouse/extra/base/deploy.sql:3:1");

        ws.acc.execute("DROP TABLE public.extra; CREATE TABLE analytics.extra (base_id INTEGER NOT NULL)");
        run(0, "warehouse", "apply", "--env", "acc", "--log-only");
        assertThat(rows(ws.acc, "SELECT kind, story FROM storyc.events WHERE kind = 'log-only' ORDER BY sequence"))
                .as("the scratch table the deploy drops again is not looked for; the verify ran on its path")
                .containsExactly("log-only|base", "log-only|extra");
    }

    @Test
    void aFailingVerifyRecordsNothing() {
        builtByHand();
        ws.write("stories/base/schema/verify.sql", "SELECT note FROM <% env.warehouse.schema %>.base WHERE false;\n");
        run(0, "compile", "--env", "acc");

        Storyc.Outcome refused = run(1, "warehouse", "apply", "--env", "acc", "--log-only");

        assertThat(refused.stderr()).contains("error[E0808]: verify of `base/base` failed: column \"note\" does not"
                + " exist (SQLSTATE 42703)\n --> warehouse/base/base/verify.sql:1:8");
        assertThat(refused.stderr()).as("no deploy ran, so none was rolled back")
                .contains("--log-only ran no deploy: the tables are there, but the verify script fails on them")
                .doesNotContain("rolled back");
        assertThat(rows(ws.acc, "SELECT count(*) FROM storyc.changes")).containsExactly("0");
        assertThat(rows(ws.acc, "SELECT kind, story FROM storyc.events ORDER BY sequence"))
                .containsExactly("fail|base");
    }

    @Test
    void aPlanThatRevertsIsRefusedWhole() {
        run(0, "compile", "--env", "acc");
        run(0, "warehouse", "apply", "--env", "acc");
        ws.write("releases/r1.toml", "stories = [\"base\"]\n");
        run(0, "compile", "--env", "acc");

        Storyc.Outcome refused = run(1, "warehouse", "apply", "--env", "acc", "--log-only");

        assertThat(refused.stderr()).contains("error[E0812]: --log-only records changes without running them, and"
                + " this apply would also revert `extra/base` (backed out), whose revert script must run\n"
                + " --> registry:extra/base/revert.sql:1:1");
        assertThat(tables(ws.acc, "analytics")).containsExactly("base", "extra");
        assertThat(rows(ws.acc, "SELECT count(*) FROM storyc.changes")).containsExactly("2");
    }

    @Test
    void reworkAndLogOnlyTogetherAreAUsageError() {
        for (String command : new String[] {"apply", "plan"}) {
            Storyc.Outcome refused = run(2, "warehouse", command, "--env", "dev", "--rework", "--log-only");
            assertThat(refused.stderr()).contains("error: --rework and --log-only cannot be used together");
            assertThat(refused.stdout()).isEmpty();
            // Round 21: with --format json the refusal printed no document at all.
            Storyc.Outcome json = run(2, "warehouse", command, "--env", "dev", "--rework", "--log-only",
                    "--format", "json");
            assertThat(json.stdout()).contains("\"exit_code\": 2")
                    .contains("\"message\": \"--rework and --log-only cannot be used together\"");
        }
    }

    private Storyc.Outcome run(int exit, String... args) {
        Storyc.Outcome outcome = ws.storycAs("ci-bot", args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isEqualTo(exit);
        return outcome;
    }
}
