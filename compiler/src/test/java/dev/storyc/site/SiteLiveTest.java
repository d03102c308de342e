package dev.storyc.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.WarehouseWorkspace;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code storyc site --live} against real PostgreSQL databases: one environment deployed (one of
 * its stories since edited), one pending, and one whose database cannot be reached; read from
 * the files written and, where Chromium and playwright-core are installed, from the board drawn.
 */
class SiteLiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path temp;

    WarehouseWorkspace ws;

    @BeforeEach
    void create() {
        ws = WarehouseWorkspace.create(temp);
        ok("compile", "--env", "acc", "--env", "dev");
        ok("warehouse", "apply", "--env", "acc");
        // A deployed change whose text has moved on since: acc's extra is edited, base deployed.
        ws.write(
                "stories/extra/schema/deploy.sql",
                "CREATE TABLE <% env.warehouse.schema %>.extra (base_id BIGINT NOT NULL);\n");
        ok("compile", "--env", "acc", "--env", "dev");
        ws.write(
                "environments.toml",
                read(ws.root.resolve("environments.toml"))
                        + "\n"
                        + "[environments.gone]\n"
                        + "kind = \"integration\"\n"
                        + "project_name = \"mini\"\n"
                        + "connection = \"c\"\n"
                        + "release = \"all\"\n"
                        + "warehouse = { engine = \"postgres\", host = \"127.0.0.1\", port = 1,"
                        + " database = \"gone\", schema = \"analytics\", user = \"u\" }\n");
    }

    @AfterEach
    void drop() {
        ws.close();
    }

    @Test
    void eachCellSaysWhatItsEnvironmentsDatabaseHolds() throws IOException {
        Path site = temp.resolve("site");
        Storyc.Outcome written = ok("site", "--live", "--out", site.toString());
        assertThat(written.stdout()).contains("2 stories, 3 environments");
        assertThat(written.stderr()).contains("gone: cannot reach the warehouse of gone");

        JsonNode board = board(site);
        assertThat(board.get("live").asBoolean()).isTrue();
        assertThat(deployedCells(board))
                .containsEntry("base", List.of("deployed", "pending", "?"))
                .containsEntry("extra", List.of("edited", "pending", "?"));
        JsonNode environments = board.get("environments");
        assertThat(environments.get(0).get("database").asText()).isEqualTo("reachable");
        assertThat(environments.get(1).get("database").asText()).isEqualTo("reachable");
        assertThat(environments.get(2).get("database").asText()).isEqualTo("unreachable");
        assertThat(environments.get(2).get("database_text").asText())
                .startsWith("unreachable: cannot reach the warehouse of gone");

        String index = read(site.resolve("index.html"));
        assertThat(index)
                .contains("<th>Pushed</th><th>Database</th>")
                .containsPattern(
                        "<tr data-env=\"acc\">[^$]*?<td class=\"database reachable\">registry"
                                + " read</td>\\s*</tr>")
                .containsPattern(
                        "<tr data-env=\"gone\">[^$]*?<td class=\"database unreachable\">"
                                + "unreachable: cannot reach the warehouse of gone[^<]*</td>");
        String story = read(site.resolve("stories/extra.html"));
        assertThat(story)
                .contains("<th>In the database</th>")
                .contains("<td class=\"database\" data-deployed=\"edited\">edited</td>")
                .contains("<td class=\"database\" data-deployed=\"pending\">pending</td>")
                .contains("<td class=\"database\" data-deployed=\"?\">?</td>");
    }

    @Test
    void withoutLiveNoDatabaseIsAskedAndThePagesHaveNoDatabaseColumn() throws IOException {
        Path site = temp.resolve("site");
        Storyc.Outcome written = ok("site", "--out", site.toString());
        // The unreachable database would be reported had it been contacted.
        assertThat(written.stderr()).doesNotContain("cannot reach");
        JsonNode board = board(site);
        assertThat(board.get("live").asBoolean()).isFalse();
        assertThat(deployedCells(board))
                .containsEntry("base", List.of("", "", ""))
                .containsEntry("extra", List.of("", "", ""));
        assertThat(board.get("environments").get(0).has("database")).isFalse();
        assertThat(read(site.resolve("index.html"))).doesNotContain("Database");
        assertThat(read(site.resolve("stories/extra.html"))).doesNotContain("In the database");
    }

    @Test
    void theBoardDrawsTheDeploymentWordsInABrowser() throws Exception {
        BrowserDriver.requireTools();
        Path site = temp.resolve("site");
        ok("site", "--live", "--out", site.toString());
        JsonNode report = BrowserDriver.run(site, temp, temp, "--board-only");
        assertThat(report.get("consoleErrors")).isEmpty();
        assertThat(report.get("pageErrors")).isEmpty();
        assertThat(report.get("externalRequests")).isEmpty();
        JsonNode cells = report.get("board").get("cells");
        assertThat(drawn(cells, "acc", "base")).isEqualTo("main main deployed deployed");
        assertThat(drawn(cells, "acc", "extra")).isEqualTo("main main edited edited");
        assertThat(drawn(cells, "dev", "extra")).isEqualTo("main main pending pending");
        assertThat(drawn(cells, "gone", "base")).isEqualTo("main main ? unreachable");
        JsonNode environments = report.get("board").get("environments");
        assertThat(environments.get("acc").get(7).asText()).isEqualTo("registry read");
        assertThat(environments.get("gone").get(4).asText())
                .startsWith("unreachable: cannot reach the warehouse of gone");
    }

    /** Returns a drawn cell as its state, its text and its {@code data-deployed} attribute. */
    private static String drawn(JsonNode cells, String environment, String story) {
        JsonNode cell = cells.get(environment).get(story);
        return cell.get("state").asText()
                + " "
                + cell.get("text").asText()
                + " "
                + cell.get("deployed").asText();
    }

    /** Returns, per story, the deployment word of each environment's cell, in board order. */
    private static Map<String, List<String>> deployedCells(JsonNode board) {
        Map<String, List<String>> cells = new TreeMap<>();
        board.get("stories")
                .forEach(
                        story -> {
                            List<String> words = new ArrayList<>();
                            story.get("cells").forEach(cell -> words.add(cell.get(3).asText()));
                            cells.put(story.get("id").asText(), words);
                        });
        return cells;
    }

    private static JsonNode board(Path site) throws IOException {
        String script = read(site.resolve("data/board.js"));
        String prefix = "window.STORYC_BOARD = ";
        assertThat(script).startsWith(prefix).endsWith(";\n");
        return JSON.readTree(script.substring(prefix.length(), script.length() - 2));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Storyc.Outcome ok(String... args) {
        Storyc.Outcome outcome =
                Storyc.run(
                        ws.root,
                        Map.of(
                                WarehouseWorkspace.PASSWORD_VARIABLE,
                                PostgresServer.PASSWORD,
                                "STORYC_ACTOR",
                                "ci-bot"),
                        args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(PostgresServer.PASSWORD);
        return outcome;
    }
}
