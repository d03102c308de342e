package dev.storyc.cli;

import static dev.storyc.testing.WarehouseWorkspace.rows;
import static dev.storyc.testing.WarehouseWorkspace.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * {@code storyc warehouse} end to end against a real PostgreSQL: deploy, no-op, back out, evolve.
 */
class WarehouseApplyTest {
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

    @Test
    void appliesTheOutputCommitThenDoesNothing() {
        ok("compile", "--env", "acc");
        String head = GitCli.git(ws.root.resolve("out/acc"), "rev-parse", "main");
        Storyc.Outcome applied = ok("warehouse", "apply", "--env", "acc");
        assertThat(applied.stdout())
                .contains("deployed       base/base")
                .contains("deployed       extra/base")
                .contains("acc is at output " + head.substring(0, 12) + ": 2 changes applied");
        assertThat(tables(ws.acc, "analytics")).containsExactly("base", "extra");
        assertThat(
                        rows(
                                ws.acc,
                                "SELECT story, change, output_commit, revert_script, deployed_by,"
                                    + " requires FROM storyc.changes ORDER BY sequence"))
                .containsExactly(
                        "base|base|" + head + "|DROP TABLE IF EXISTS analytics.base;\n|ci-bot|",
                        "extra|base|"
                                + head
                                + "|DROP TABLE IF EXISTS analytics.extra;\n|ci-bot|base");
        assertThat(rows(ws.acc, "SELECT kind, story FROM storyc.events ORDER BY sequence"))
                .containsExactly("deploy|base", "deploy|extra");
        assertThat(rows(ws.acc, "SELECT environment_hash FROM storyc.changes LIMIT 1").get(0))
                .isEqualTo(
                        GitCli.git(ws.root.resolve("out/acc"), "show", "main:storyc.lock")
                                .lines()
                                .filter(l -> l.startsWith("environment_hash"))
                                .findFirst()
                                .orElseThrow()
                                .replaceAll(".*\"(.*)\"", "$1"));

        Storyc.Outcome again = ok("warehouse", "apply", "--env", "acc");
        assertThat(again.stdout())
                .contains(
                        "acc is up to date with output "
                                + head.substring(0, 12)
                                + ": 2 changes deployed, nothing to do");
        assertThat(rows(ws.acc, "SELECT count(*) FROM storyc.events")).containsExactly("2");
    }

    @Test
    void aSettingAScriptChangesEndsWithItsChange() {
        ws.write(
                "stories/base/schema/deploy.sql",
                "CREATE TABLE <% env.warehouse.schema %>.base (id INTEGER NOT NULL);\n"
                        + "SET default_transaction_read_only = on;\n");
        ok("compile", "--env", "acc");
        Storyc.Outcome applied = ok("warehouse", "apply", "--env", "acc");
        assertThat(applied.stdout())
                .as("extra's deploy runs in a transaction of its own, not a read-only one")
                .contains("deployed       base/base")
                .contains("deployed       extra/base");
        assertThat(tables(ws.acc, "analytics")).containsExactly("base", "extra");
        assertThat(rows(ws.acc, "SELECT kind, story FROM storyc.events ORDER BY sequence"))
                .containsExactly("deploy|base", "deploy|extra");
    }

    /**
     * {@code SET ROLE owner} at the top of a migration is common; {@code RESET ALL} leaves the role
     * alone, so storyc's registry rows were written as that role (refused: it may not write there,
     * and the refusal was placed on a line of the user's script) and the next change ran as it.
     */
    @Test
    void aRoleAScriptSetsEndsWithItsScript() {
        String role = "storyc_owner_" + Long.toHexString(System.nanoTime());
        ws.acc.server().execute("postgres", "CREATE ROLE " + role + " NOLOGIN");
        try {
            ws.acc.execute("CREATE SCHEMA analytics; GRANT USAGE, CREATE ON SCHEMA analytics TO " + role);
            ws.write("stories/base/schema/deploy.sql", "SET ROLE " + role + ";\n"
                    + "CREATE TABLE <% env.warehouse.schema %>.base (id INTEGER NOT NULL);\n");
            ok("compile", "--env", "acc");
            Storyc.Outcome applied = ok("warehouse", "apply", "--env", "acc");
            assertThat(applied.stdout()).contains("deployed       base/base").contains("deployed       extra/base");
            assertThat(rows(ws.acc, "SELECT tablename, tableowner = current_user FROM pg_tables"
                    + " WHERE schemaname = 'analytics' ORDER BY tablename"))
                    .containsExactly("base|f", "extra|t");
            assertThat(rows(ws.acc, "SELECT kind, story FROM storyc.events ORDER BY sequence"))
                    .containsExactly("deploy|base", "deploy|extra");
        } finally {
            ws.acc.execute("DROP OWNED BY " + role);
            ws.acc.server().execute("postgres", "DROP ROLE " + role);
        }
    }

    @Test
    void aCorrectedRevertScriptIsStoredAndCountedInThePlan() {
        ok("compile", "--env", "acc");
        ok("warehouse", "apply", "--env", "acc");
        ws.write("stories/base/schema/revert.sql", "-- corrected\nDROP TABLE IF EXISTS <% env.warehouse.schema %>.base;\n");
        ok("compile", "--env", "acc");

        Storyc.Outcome plan = ok("warehouse", "plan", "--env", "acc");

        assertThat(plan.stdout()).containsPattern("update-revert\\s+base/base\\s+stores the corrected revert script")
                .contains("0 to revert, 0 to deploy, 0 to rework, 1 revert script to store, 1 up to date");
        ok("warehouse", "apply", "--env", "acc");
        assertThat(rows(ws.acc, "SELECT revert_script FROM storyc.changes WHERE story = 'base'"))
                .containsExactly("-- corrected\nDROP TABLE IF EXISTS analytics.base;\n");
    }

    @Test
    void anOlderOutputCommitIsAppliedAsItWasNotAsTheWorkingTreeIs() {
        ok("compile", "--env", "acc");
        String first = GitCli.git(ws.root.resolve("out/acc"), "rev-parse", "main");
        ws.write("stories/base/schema/changes/01-add-name/deploy.sql",
                "ALTER TABLE <% env.warehouse.schema %>.base ADD COLUMN name TEXT;\n");
        ws.write("stories/base/schema/changes/01-add-name/revert.sql",
                "ALTER TABLE <% env.warehouse.schema %>.base DROP COLUMN name;\n");
        ok("compile", "--env", "acc");
        // Not compiled yet: the working tree's edits never reach the database.
        ws.write("stories/extra/schema/deploy.sql", "this is not SQL;\n");

        Storyc.Outcome older = ok("warehouse", "apply", "--env", "acc", "--commit", first.substring(0, 10));
        assertThat(older.stdout()).contains("acc is at output " + first.substring(0, 12) + ": 2 changes applied");
        assertThat(rows(ws.acc, "SELECT DISTINCT output_commit FROM storyc.changes")).containsExactly(first);
        assertThat(ok("warehouse", "plan", "--env", "acc").stdout())
                .contains("deploy         base/add-name").contains("0 to revert, 1 to deploy");
    }

    @Test
    void aDryRunTouchesNothing() {
        ok("compile", "--env", "acc");
        Storyc.Outcome dry = ok("warehouse", "apply", "--env", "acc", "--dry-run");
        assertThat(dry.stdout()).contains("deploy         base/base").contains("2 to deploy");
        assertThat(
                        rows(
                                ws.acc,
                                "SELECT schema_name FROM information_schema.schemata"
                                        + " WHERE schema_name IN ('storyc', 'analytics')"))
                .isEmpty();
    }

    @Test
    void backingAStoryOutRevertsItOnceAndKeepsTheOthers() throws Exception {
        ok("compile", "--env", "acc");
        ok("warehouse", "apply", "--env", "acc");
        ws.write("releases/r1.toml", "stories = [\n  \"base\",\n]\n");
        ok("compile", "--env", "acc");
        assertThat(ok("warehouse", "plan", "--env", "acc").stdout())
                .contains("revert         extra/base")
                .contains("backed out; deployed ")
                .contains("1 to revert, 0 to deploy, 0 to rework, 1 up to date");
        assertThat(ok("warehouse", "apply", "--env", "acc").stdout())
                .contains("reverted       extra/base");
        assertThat(tables(ws.acc, "analytics")).containsExactly("base");
        assertThat(rows(ws.acc, "SELECT story FROM storyc.changes")).containsExactly("base");
        assertThat(rows(ws.acc, "SELECT kind, story, message FROM storyc.events ORDER BY sequence"))
                .endsWith("revert|extra|backed out");
        // The revert ran once: the plan now lists it as done, and apply has nothing to do.
        assertThat(ok("warehouse", "plan", "--env", "acc").stdout())
                .contains("reverted       extra/base")
                .contains("0 to revert, 0 to deploy");
        assertThat(ok("warehouse", "apply", "--env", "acc").stdout()).contains("nothing to do");
        JsonNode status = json(ok("warehouse", "status", "--env", "acc", "--format", "json"));
        assertThat(status.get("changes")).hasSize(1);
        assertThat(status.get("changes").get(0).get("state").asText()).isEqualTo("deployed");
    }

    @Test
    void aRevertThatAnotherObjectDependsOnNeverAdvisesCascade() {
        ok("compile", "--env", "acc");
        ok("warehouse", "apply", "--env", "acc");
        // What another story's deploy would build without requiring extra (round 22).
        ws.acc.execute("CREATE VIEW analytics.extra_report AS SELECT base_id FROM analytics.extra");
        ws.write("releases/r1.toml", "stories = [\n  \"base\",\n]\n");
        ok("compile", "--env", "acc");

        Storyc.Outcome refused = ws.storyc("warehouse", "apply", "--env", "acc");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).contains("error[E0809]").contains("(SQLSTATE 2BP01)")
                .contains("that story must list this one in requires (so it is reverted first); do not add CASCADE")
                .doesNotContain("Use DROP ... CASCADE");
        assertThat(tables(ws.acc, "analytics")).contains("extra", "extra_report");
    }

    @Test
    void aLaterChangeDeploysAloneAndDropsAloneInTheMiddle() {
        ok("compile", "--env", "acc");
        ok("warehouse", "apply", "--env", "acc");
        ws.write(
                "stories/base/schema/changes/01-add-name/deploy.sql",
                "ALTER TABLE <% env.warehouse.schema %>.base ADD COLUMN name TEXT;\n");
        ws.write(
                "stories/base/schema/changes/01-add-name/revert.sql",
                "ALTER TABLE <% env.warehouse.schema %>.base DROP COLUMN name;\n");
        ws.write(
                "stories/base/schema/changes/01-add-name/verify.sql",
                "SELECT name FROM <% env.warehouse.schema %>.base WHERE 1 = 0;\n");
        ws.write(
                "stories/base/schema/changes/02-add-code/deploy.sql",
                "ALTER TABLE <% env.warehouse.schema %>.base ADD COLUMN code TEXT;\n");
        ws.write(
                "stories/base/schema/changes/02-add-code/revert.sql",
                "ALTER TABLE <% env.warehouse.schema %>.base DROP COLUMN code;\n");
        ok("compile", "--env", "acc");
        Storyc.Outcome applied = ok("warehouse", "apply", "--env", "acc");
        assertThat(applied.stdout())
                .contains("deployed       base/add-name")
                .contains("deployed       base/add-code")
                .doesNotContain("base/base ");
        assertThat(columns()).containsExactly("id", "name", "code");

        // Removing the middle change reverts it alone: base/base and base/add-code stay.
        java.nio.file.Path middle = ws.root.resolve("stories/base/schema/changes/01-add-name");
        for (String file : new String[] {"deploy.sql", "revert.sql", "verify.sql"}) {
            middle.resolve(file).toFile().delete();
        }
        ok("compile", "--env", "acc");
        assertThat(ok("warehouse", "apply", "--env", "acc").stdout())
                .contains("reverted       base/add-name");
        assertThat(columns()).containsExactly("id", "code");
        assertThat(
                        rows(
                                ws.acc,
                                "SELECT change FROM storyc.changes WHERE story = 'base' ORDER BY"
                                    + " sequence"))
                .containsExactly("base", "add-code");
    }

    @Test
    void aDevelopmentEnvironmentMayReworkAnEditedChange() {
        ok("compile", "--env", "dev");
        ok("warehouse", "apply", "--env", "dev");
        ws.dev.execute("INSERT INTO analytics.base VALUES (1)");
        ws.write(
                "stories/base/schema/deploy.sql",
                "CREATE TABLE <% env.warehouse.schema %>.base (id BIGINT NOT NULL, note TEXT);\n");
        ok("compile", "--env", "dev");
        Storyc.Outcome refused =
                Storyc.run(
                        ws.root,
                        WarehouseWorkspace.PROCESS_ENVIRONMENT,
                        "warehouse",
                        "apply",
                        "--env",
                        "dev");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("error[E0806]").contains("--rework");
        assertThat(ok("warehouse", "apply", "--env", "dev", "--rework").stdout())
                .contains("reworked       base/base");
        assertThat(
                        rows(
                                ws.dev,
                                "SELECT column_name FROM information_schema.columns WHERE"
                                    + " table_name = 'base' ORDER BY ordinal_position"))
                .containsExactly("id", "note");
        assertThat(rows(ws.dev, "SELECT kind, story FROM storyc.events ORDER BY sequence"))
                .containsExactly("deploy|base", "deploy|extra", "revert|base", "rework|base");
        assertThat(ok("warehouse", "apply", "--env", "dev").stdout()).contains("nothing to do");
    }

    @Test
    void aReworkWhoseStoredRevertUndidNothingSaysHowToGetOut() {
        ws.write("stories/extra/schema/revert.sql", "SELECT 1;\n");
        ok("compile", "--env", "dev");
        ok("warehouse", "apply", "--env", "dev");
        ws.write("stories/extra/schema/deploy.sql",
                "CREATE TABLE <% env.warehouse.schema %>.extra (base_id INTEGER NOT NULL, note TEXT);\n");
        ws.write("stories/extra/schema/revert.sql", "DROP TABLE <% env.warehouse.schema %>.extra;\n");
        ok("compile", "--env", "dev");

        Storyc.Outcome rework = ws.storyc("warehouse", "apply", "--env", "dev", "--rework");

        assertThat(rework.exitCode()).as(rework.toString()).isEqualTo(1);
        assertThat(rework.stderr()).contains("error[E0807]: deploy of `extra/base` failed: relation \"extra\" already"
                        + " exists (SQLSTATE 42P07)")
                .contains("A rework first runs the revert script stored when the change was deployed")
                .contains("put the old deploy.sql back, fix revert.sql, apply (which stores it)");
    }

    @Test
    void statusLiveAddsWhatEachReachableDatabaseHas() throws Exception {
        ok("compile", "--env", "acc", "--env", "dev");
        ok("warehouse", "apply", "--env", "acc");
        ws.write(
                "environments.toml",
                java.nio.file.Files.readString(ws.root.resolve("environments.toml"))
                        + "\n"
                        + "[environments.gone]\n"
                        + "kind = \"integration\"\n"
                        + "project_name = \"mini\"\n"
                        + "connection = \"c\"\n"
                        + "release = \"all\"\n"
                        + "warehouse = { engine = \"postgres\", host = \"127.0.0.1\", port = 1,"
                        + " database = \"gone\", schema = \"analytics\", user = \"u\" }\n");
        Storyc.Outcome status = ok("status", "--live");
        String baseRow = "base\\s+main\\s+deployed\\s+main\\s+pending\\s+main\\s+\\?";
        assertThat(status.stdout().lines()).anySatisfy(line -> assertThat(line).matches(baseRow));
        assertThat(status.stderr()).contains("gone: cannot reach the warehouse of gone");
        JsonNode json = json(ok("status", "--live", "--format", "json"));
        JsonNode extra = json.get("stories").get(1);
        assertThat(extra.get("id").asText()).isEqualTo("extra");
        assertThat(extra.get("cells").get("acc").get("deployed").asText())
                .isEqualTo("deployed");
        assertThat(extra.get("cells").get("dev").get("deployed").asText())
                .isEqualTo("pending");
        assertThat(extra.get("cells").get("gone").has("deployed")).isFalse();
        assertThat(json.get("environments").get(2).get("reachable").asBoolean()).isFalse();
    }

    @Test
    void verifyRunsTheDeployedChangesChecksAndChangesNothing() {
        ok("compile", "--env", "acc");
        ws.write(
                "stories/extra/schema/verify.sql",
                "SELECT base_id\nFROM <% env.warehouse.schema %>.extra;\n");
        ok("compile", "--env", "acc");
        ok("warehouse", "apply", "--env", "acc");
        assertThat(ok("warehouse", "verify", "--env", "acc").stdout())
                .contains("0 verify scripts failed");
        ws.acc.execute("ALTER TABLE analytics.extra RENAME COLUMN base_id TO other_id");
        Storyc.Outcome failed =
                Storyc.run(
                        ws.root,
                        WarehouseWorkspace.PROCESS_ENVIRONMENT,
                        "warehouse",
                        "verify",
                        "--env",
                        "acc");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.stderr())
                .contains(
                        "error[E0808]: verify of `extra/base` failed: column \"base_id\" does"
                                + " not exist")
                .contains("--> warehouse/extra/base/verify.sql:1:8")
                .contains("nothing was changed; the deployed change no longer passes its verify script")
                .doesNotContain("rolled back");
        assertThat(rows(ws.acc, "SELECT count(*) FROM storyc.events")).containsExactly("2");
    }

    @Test
    void aPasswordInTheUrlSettingIsRefusedWithoutBeingPrinted() {
        Storyc.Outcome refused =
                Storyc.run(
                        ws.root,
                        java.util.Map.of(),
                        "-D",
                        "warehouse.url=jdbc:postgresql://127.0.0.1/x?user=a&password=Hunter2Secret",
                        "warehouse",
                        "plan",
                        "--env",
                        "acc");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr())
                .contains("a JDBC URL without a password")
                .doesNotContain("Hunter2Secret");
    }

    @Test
    void statusPlanAndLogSpeakJson() throws Exception {
        ok("compile", "--env", "acc");
        JsonNode plan = json(ok("warehouse", "plan", "--env", "acc", "--format", "json"));
        assertThat(plan.get("environment").asText()).isEqualTo("acc");
        assertThat(plan.get("actions").get(0).get("action").asText()).isEqualTo("deploy");
        assertThat(plan.get("actions").get(1).get("change").asText()).isEqualTo("extra/base");
        ok("warehouse", "apply", "--env", "acc");
        JsonNode status = json(ok("warehouse", "status", "--env", "acc", "--format", "json"));
        assertThat(status.get("changes").get(0).get("deployed_by").asText()).isEqualTo("ci-bot");
        JsonNode log = json(ok("warehouse", "log", "--env", "acc", "--format", "json"));
        assertThat(log.get("events")).hasSize(2);
        assertThat(log.get("events").get(1).get("kind").asText()).isEqualTo("deploy");
        assertThat(log.toString()).doesNotContain(dev.storyc.testing.PostgresServer.PASSWORD);
        assertThat(ok("warehouse", "log", "--env", "acc", "-n", "1").stdout().lines()).hasSize(1);
        for (String limit : new String[] {"0", "-1"}) {
            Storyc.Outcome refused = ws.storyc("warehouse", "log", "--env", "acc", "-n", limit);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.stdout()).isEmpty();
            assertThat(refused.stderr()).contains("error: --limit must be at least 1, not " + limit);
        }
        JsonNode document = json(ws.storyc("warehouse", "log", "--env", "acc", "-n", "0", "--format", "json"));
        assertThat(document.get("exit_code").asInt()).isEqualTo(2);
        assertThat(document.get("failures").get(0).get("message").asText()).isEqualTo("--limit must be at least 1, not 0");
    }

    private java.util.List<String> columns() {
        return rows(
                ws.acc,
                "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                    + " 'analytics' AND table_name = 'base' ORDER BY ordinal_position");
    }

    private Storyc.Outcome ok(String... args) {
        Storyc.Outcome outcome = ws.storycAs("ci-bot", args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
        assertThat(outcome.stdout() + outcome.stderr())
                .doesNotContain(dev.storyc.testing.PostgresServer.PASSWORD);
        return outcome;
    }

    private static JsonNode json(Storyc.Outcome outcome) {
        try {
            return new ObjectMapper().readTree(outcome.stdout());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + outcome, e);
        }
    }
}
