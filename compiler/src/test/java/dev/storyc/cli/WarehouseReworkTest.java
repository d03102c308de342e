package dev.storyc.cli;

import static dev.storyc.testing.WarehouseWorkspace.rows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code storyc warehouse apply --rework} of a story's first change against a real PostgreSQL,
 * when a later change of the story is deployed on it. The first change's stored revert drops the
 * table, and with it the column the later change added: the later change must come down before
 * the rework and go back up after it, and the registry must say each step as it happened.
 */
class WarehouseReworkTest {
    private static final String TABLE = "<% env.warehouse.schema %>.t1";

    @TempDir Path temp;

    WarehouseWorkspace ws;

    @BeforeEach
    void create() {
        ws = WarehouseWorkspace.create(temp);
        ws.write("stories/t1/story.toml", "title = \"T1\"\n");
        ws.write("stories/t1/schema/deploy.sql", base("VARCHAR(32)"));
        ws.write("stories/t1/schema/revert.sql", "DROP TABLE " + TABLE + ";\n");
        ws.write("stories/t1/schema/changes/01-add-note/deploy.sql", "ALTER TABLE " + TABLE + " ADD COLUMN note TEXT;\n");
        ws.write("stories/t1/schema/changes/01-add-note/revert.sql", "ALTER TABLE " + TABLE + " DROP COLUMN note;\n");
        ws.write("stories/t1/schema/changes/01-add-note/verify.sql", "SELECT note FROM " + TABLE + " WHERE 1 = 0;\n");
        ok("compile", "--env", "dev");
        ok("warehouse", "apply", "--env", "dev");
    }

    @AfterEach
    void drop() {
        ws.close();
    }

    @Test
    void aReworkRevertsTheStorysLaterChangesFirstAndDeploysThemAgain() {
        ws.write("stories/t1/schema/deploy.sql", base("VARCHAR(40)"));
        ok("compile", "--env", "dev");

        Storyc.Outcome plan = ok("warehouse", "plan", "--env", "dev", "--rework");

        assertThat(plan.stdout()).containsPattern("revert\\s+t1/add-note\\s+reverted to rework t1/base; deployed ")
                .containsPattern("rework\\s+t1/base\\s+edited since it was deployed ")
                .containsPattern("deploy\\s+t1/add-note\\s+deployed again after the rework of t1/base")
                .contains("1 to revert, 1 to deploy, 1 to rework, 2 up to date");
        assertThat(plan.stdout().indexOf("revert         t1/add-note"))
                .isLessThan(plan.stdout().indexOf("rework         t1/base"));
        JsonNode actions = json(ok("warehouse", "plan", "--env", "dev", "--rework", "--format", "json")).get("actions");
        assertThat(actions).extracting(a -> a.get("action").asText() + " " + a.get("change").asText())
                .containsExactly("revert t1/add-note", "rework t1/base", "deploy t1/add-note");
        assertThat(actions.get(2).get("reason").asText()).isEqualTo("deployed again after the rework of t1/base");

        Storyc.Outcome applied = ok("warehouse", "apply", "--env", "dev", "--rework");

        assertThat(applied.stdout()).containsPattern("reverted\\s+t1/add-note").containsPattern("reworked\\s+t1/base")
                .containsPattern("deployed\\s+t1/add-note").contains("3 changes applied, 2 already there");
        assertThat(columns()).containsExactly("id|40", "note|null");
        assertThat(rows(ws.dev, "SELECT change, deploy_hash FROM storyc.changes WHERE story = 't1' ORDER BY sequence"))
                .containsExactly("base|" + deployHash("base"), "add-note|" + deployHash("add-note"));
        assertThat(events()).containsExactly(
                "deploy|base|null", "deploy|add-note|null",
                "revert|add-note|reverted to rework t1/base",
                "revert|base|rework: the old text", "rework|base|null",
                "deploy|add-note|deployed again after the rework of t1/base");
        ok("warehouse", "verify", "--env", "dev");
        assertThat(ok("warehouse", "status", "--env", "dev").stdout()).contains("4 deployed, 0 pending, 0 edited");
        assertThat(ok("warehouse", "apply", "--env", "dev").stdout()).contains("nothing to do");
    }

    /**
     * Each step commits on its own. A rework that fails after the later change came down leaves
     * that recorded, the reworked change as it was, and the next apply finishes the job.
     */
    @Test
    void aReworkThatFailsLeavesARecordedStateTheNextApplyFinishes() {
        ws.write("stories/t1/schema/deploy.sql", "CREATE TABLE " + TABLE + " (id VARCHAR(40) NOT NULL PRIMARY KEY,"
                + " tag nosuchtype);\n");
        ok("compile", "--env", "dev");

        Storyc.Outcome failed = ws.storycAs("ci-bot", "warehouse", "apply", "--env", "dev", "--rework");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.stderr()).contains("error[E0807]: deploy of `t1/base` failed: type \"nosuchtype\" does not"
                + " exist");
        assertThat(failed.stdout()).containsPattern("reverted\\s+t1/add-note")
                .contains("dev stopped after 1 of 3 changes; the database is at the last change that succeeded");
        assertThat(columns()).containsExactly("id|32");
        assertThat(rows(ws.dev, "SELECT change FROM storyc.changes WHERE story = 't1'")).containsExactly("base");
        assertThat(events()).endsWith("revert|add-note|reverted to rework t1/base");
        assertThat(rows(ws.dev, "SELECT kind, change FROM storyc.events ORDER BY sequence DESC LIMIT 1"))
                .containsExactly("fail|base");
        assertThat(ok("warehouse", "status", "--env", "dev").stdout()).containsPattern("t1/base\\s+edited")
                .containsPattern("t1/add-note\\s+pending");
        ok("warehouse", "verify", "--env", "dev");

        ws.write("stories/t1/schema/deploy.sql", base("VARCHAR(40)"));
        ok("compile", "--env", "dev");
        Storyc.Outcome finished = ok("warehouse", "apply", "--env", "dev", "--rework");

        assertThat(finished.stdout()).containsPattern("reworked\\s+t1/base").containsPattern("deployed\\s+t1/add-note")
                .contains("2 changes applied");
        assertThat(columns()).containsExactly("id|40", "note|null");
        ok("warehouse", "verify", "--env", "dev");
        assertThat(ok("warehouse", "apply", "--env", "dev").stdout()).contains("nothing to do");
    }

    /**
     * Another story that requires t1 is not taken down: when its view reads t1, the server refuses
     * the stored DROP TABLE, the apply stops, and the hint names the story to back out, never
     * CASCADE.
     */
    @Test
    void aStoryThatRequiresTheReworkedOneStopsTheReworkAndIsNamed() {
        ws.write("stories/u/story.toml", "title = \"U\"\nrequires = [\"t1\"]\n");
        ws.write("stories/u/schema/deploy.sql", "CREATE VIEW <% env.warehouse.schema %>.u AS SELECT id FROM " + TABLE
                + ";\n");
        ws.write("stories/u/schema/revert.sql", "DROP VIEW <% env.warehouse.schema %>.u;\n");
        ok("compile", "--env", "dev");
        ok("warehouse", "apply", "--env", "dev");
        ws.write("stories/t1/schema/deploy.sql", base("VARCHAR(40)"));
        ok("compile", "--env", "dev");

        assertThat(ok("warehouse", "plan", "--env", "dev", "--rework").stdout())
                .containsPattern("rework\\s+t1/base\\s+edited since it was deployed .*; stays deployed, requiring"
                        + " it: u");
        Storyc.Outcome refused = ws.storycAs("ci-bot", "warehouse", "apply", "--env", "dev", "--rework");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).contains("error[E0809]: revert of `t1/base` failed: cannot drop table analytics.t1 because"
                        + " other objects depend on it (SQLSTATE 2BP01)")
                .contains("story `u`, which requires it, is deployed. Back it out first")
                .doesNotContain("must list this one in requires");
        assertThat(columns()).containsExactly("id|32");
        assertThat(rows(ws.dev, "SELECT story || '/' || change FROM storyc.changes WHERE story IN ('t1', 'u')"
                + " ORDER BY sequence")).containsExactly("t1/base", "u/base");
        assertThat(events()).endsWith("revert|add-note|reverted to rework t1/base");
    }

    /**
     * The stored revert of a later change runs when a rework takes it down. When it fails, fixing
     * revert.sql changes nothing until an apply stores it, and the rework's edit keeps every apply
     * from storing it: the hint says the way round, and it works.
     */
    @Test
    void aLaterChangeWhoseStoredRevertFailsSaysHowToReplaceIt() {
        ws.write("stories/t1/schema/changes/01-add-note/revert.sql", "ALTER TABLE " + TABLE + " DROP COLUMN nosuch;\n");
        ok("compile", "--env", "dev");
        ok("warehouse", "apply", "--env", "dev");
        ws.write("stories/t1/schema/deploy.sql", base("VARCHAR(40)"));
        ok("compile", "--env", "dev");

        Storyc.Outcome failed = ws.storycAs("ci-bot", "warehouse", "apply", "--env", "dev", "--rework");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.stderr()).contains("error[E0809]: revert of `t1/add-note` failed")
                .contains("undo the edit of `t1/base` for now, fix the revert.sql of `t1/add-note`, compile and apply"
                        + " (the corrected script is stored), then edit `t1/base` again and rework");
        assertThat(columns()).containsExactly("id|32", "note|null");

        ws.write("stories/t1/schema/deploy.sql", base("VARCHAR(32)"));
        ws.write("stories/t1/schema/changes/01-add-note/revert.sql", "ALTER TABLE " + TABLE + " DROP COLUMN note;\n");
        ok("compile", "--env", "dev");
        ok("warehouse", "apply", "--env", "dev");
        ws.write("stories/t1/schema/deploy.sql", base("VARCHAR(40)"));
        ok("compile", "--env", "dev");
        ok("warehouse", "apply", "--env", "dev", "--rework");

        assertThat(columns()).containsExactly("id|40", "note|null");
    }

    private static String base(String idType) {
        return "CREATE TABLE " + TABLE + " (id " + idType + " NOT NULL PRIMARY KEY);\n";
    }

    /** Returns t1's columns, each with its maximum length. */
    private List<String> columns() {
        return rows(ws.dev, "SELECT column_name, character_maximum_length FROM information_schema.columns"
                + " WHERE table_schema = 'analytics' AND table_name = 't1' ORDER BY ordinal_position");
    }

    /** Returns story t1's events: kind, change and message. */
    private List<String> events() {
        return rows(ws.dev, "SELECT kind, change, message FROM storyc.events WHERE story = 't1' AND kind <> 'fail'"
                + " ORDER BY sequence");
    }

    private String deployHash(String change) {
        String plan = dev.storyc.testing.GitCli.git(ws.root.resolve("out/dev"), "show", "main:warehouse/plan.toml");
        String entry = plan.substring(plan.indexOf("folder = \"warehouse/t1/" + change + "\""));
        return entry.replaceFirst("(?s).*?deploy = \"([^\"]+)\".*", "$1");
    }

    private Storyc.Outcome ok(String... args) {
        Storyc.Outcome outcome = ws.storycAs("ci-bot", args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
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
