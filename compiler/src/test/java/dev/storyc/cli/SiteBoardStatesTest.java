package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitServers;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The board's view of output repositories as they change: never compiled, up to date, behind the
 * workspace, pushed, and a story backed out of a release.
 */
class SiteBoardStatesTest {
    @TempDir Path temp;

    @Test
    void followsAnOutputFromCompileToPushAndAStoryBackedOut() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path remote = GitServers.bareRepository(temp.resolve("remotes/acceptance-1.git"));
        Workspaces.setRemote(workspace, "acceptance-1", GitServers.fileUrl(remote));

        JsonNode before = board(workspace, "never");
        assertThat(environment(before, "acceptance-1").get("compiled").asBoolean()).isFalse();

        assertThat(Storyc.run(workspace, "compile", "--env", "acceptance-1").exitCode()).isZero();
        JsonNode compiled = board(workspace, "compiled");
        assertThat(environment(compiled, "acceptance-1").get("state").asText())
                .isEqualTo("committed");
        assertThat(environment(compiled, "acceptance-1").get("push").asText())
                .isEqualTo("not-pushed");
        assertThat(environment(compiled, "production").get("compiled").asBoolean()).isFalse();

        assertThat(Storyc.run(workspace, "push", "--env", "acceptance-1").exitCode()).isZero();
        assertThat(environment(board(workspace, "pushed"), "acceptance-1").get("push").asText())
                .isEqualTo("pushed");

        // Care gaps leaves W48: until acceptance-1 compiles again its output is behind; after
        // that, the story's tables still need their revert, so the board says "backed out".
        Path manifest = workspace.resolve("releases/2026-W48.toml");
        Checkout.write(manifest, Checkout.read(manifest).replace("  \"care-gaps\",\n", ""));
        JsonNode behind = board(workspace, "behind");
        assertThat(environment(behind, "acceptance-1").get("state").asText()).isEqualTo("stale");
        assertThat(cell(behind, "acceptance-1", "care-gaps")).isEqualTo("backed-out");
        assertThat(cell(behind, "acceptance-2", "care-gaps")).isEqualTo("absent");
        // status says the same, reading only the output's plan.
        assertThat(status(workspace, "acceptance-1", "care-gaps")).isEqualTo("backed-out");
        assertThat(status(workspace, "acceptance-2", "care-gaps")).isEqualTo("absent");

        assertThat(Storyc.run(workspace, "compile", "--env", "acceptance-1").exitCode()).isZero();
        JsonNode recompiled = board(workspace, "recompiled");
        assertThat(environment(recompiled, "acceptance-1").get("state").asText())
                .isEqualTo("committed");
        assertThat(environment(recompiled, "acceptance-1").get("push").asText())
                .isEqualTo("not-pushed");
        assertThat(cell(recompiled, "acceptance-1", "care-gaps")).isEqualTo("backed-out");
        assertThat(cell(recompiled, "acceptance-1", "patients")).isEqualTo("main");
        assertThat(status(workspace, "acceptance-1", "care-gaps")).isEqualTo("backed-out");
        assertThat(status(workspace, "acceptance-1", "patients")).isEqualTo("main");
        assertThat(Storyc.run(workspace, "status").stdout().lines())
                .filteredOn(line -> line.startsWith("care-gaps "))
                .singleElement().asString()
                .matches("care-gaps +backed out +- +main +main +main +main +-");

        // Deleted from main as well, the story keeps its row while its revert is pending.
        Checkout.deleteTree(workspace.resolve("stories/care-gaps"));
        assertThat(status(workspace, "acceptance-1", "care-gaps")).isEqualTo("backed-out");
        assertThat(status(workspace, "dev-alice", "care-gaps")).isEqualTo("absent");
    }

    @Test
    void aStoryDeletedFromMainThatProductionStillPinsKeepsItsRowAndPage() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        // Main deletes appointments; W48 is unsealed and drops its line, W47 still pins it.
        Checkout.deleteTree(workspace.resolve("stories/appointments"));
        Path w48 = workspace.resolve("releases/2026-W48.toml");
        Checkout.write(w48, Checkout.read(w48).replace("  \"appointments\",\n", ""));

        JsonNode board = board(workspace, "pinned");
        assertThat(cell(board, "production", "appointments")).isEqualTo("pinned");
        assertThat(cell(board, "acceptance-1", "appointments")).isEqualTo("absent");
        assertThat(cell(board, "dev-alice", "appointments")).isEqualTo("absent");
        assertThat(status(workspace, "production", "appointments")).isEqualTo("pinned");
        Path page = temp.resolve("site-pinned/stories/appointments.html");
        assertThat(Checkout.read(page)).contains("Appointments");
        String lineage = Checkout.read(temp.resolve("site-pinned/data/lineage.js"));
        assertThat(lineage).contains("\"appointments\"");
    }

    /** Returns the state of one cell of {@code storyc status --format json}. */
    private static String status(Path workspace, String environment, String story) throws IOException {
        Storyc.Outcome outcome = Storyc.run(workspace, "status", "--format", "json");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        for (JsonNode row : new ObjectMapper().readTree(outcome.stdout()).get("stories")) {
            if (row.get("id").asText().equals(story)) {
                return row.get("cells").get(environment).get("state").asText();
            }
        }
        throw new AssertionError("no story " + story + " in " + outcome.stdout());
    }

    private JsonNode board(Path workspace, String name) throws IOException {
        Path site = temp.resolve("site-" + name);
        Storyc.Outcome outcome = Storyc.run(workspace, "site", "--out", site.toString());
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        String script = Checkout.read(site.resolve("data/board.js"));
        return new ObjectMapper()
                .readTree(script.substring("window.STORYC_BOARD = ".length(), script.length() - 2));
    }

    private static JsonNode environment(JsonNode board, String name) {
        for (JsonNode environment : board.get("environments")) {
            if (environment.get("name").asText().equals(name)) {
                return environment;
            }
        }
        throw new AssertionError("no environment " + name);
    }

    private static String cell(JsonNode board, String environment, String story) {
        int column = 0;
        while (!board.get("environments").get(column).get("name").asText().equals(environment)) {
            column++;
        }
        for (JsonNode row : board.get("stories")) {
            if (row.get("id").asText().equals(story)) {
                return row.get("cells").get(column).get(0).asText();
            }
        }
        throw new AssertionError("no story " + story);
    }
}
