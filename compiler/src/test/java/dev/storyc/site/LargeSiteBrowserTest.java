package dev.storyc.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.storyc.bench.SyntheticWorkspace;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A site of 250 stories in the browser: the board pages 100 rows at a time and filters, and the
 * lineage asks for a story instead of drawing thousands of nodes. (bench/site.sh times 1,000.)
 */
class LargeSiteBrowserTest {
    @Test
    void theBoardPagesAndFiltersAndTheLineageAsksForAStory(@TempDir Path temp)
            throws IOException, InterruptedException {
        BrowserDriver.requireTools();
        Path workspace = new SyntheticWorkspace(temp.resolve("workspace"), 250, 3).write();
        Path site = temp.resolve("site");
        Storyc.Outcome written = Storyc.run(workspace, "site", "--out", site.toString());
        assertThat(written.exitCode()).as(written.toString()).isZero();

        JsonNode report = BrowserDriver.run(site, temp, temp, "--large");

        assertThat(report.get("consoleErrors")).isEmpty();
        assertThat(report.get("pageErrors")).isEmpty();
        assertThat(report.get("externalRequests")).isEmpty();
        JsonNode paging = report.get("paging");
        assertThat(paging.get("first").get("label").asText()).isEqualTo("1–100 of 250");
        assertThat(texts(paging.get("first").get("rows"))).hasSize(100).startsWith("s00000");
        assertThat(paging.get("second").get("label").asText()).isEqualTo("101–200 of 250");
        assertThat(texts(paging.get("second").get("rows"))).startsWith("s00100").endsWith("s00199");
        assertThat(texts(paging.get("filtered").get("rows"))).containsExactly("s00024");
        JsonNode gate = report.get("gate");
        assertThat(gate.get("nodes").asInt()).isZero();
        assertThat(gate.get("count").asText())
                .endsWith("nodes: choose a story to draw its lineage");
        assertThat(texts(gate.get("story"))).contains("s00024").doesNotContain("s00100");
        JsonNode hub = gate.get("hub");
        assertThat(hub.get("count").asText()).as("s00001's lineage reaches more than the page draws")
                .matches("\\d+ nodes, \\d+ edges \\(its whole lineage has \\d+ nodes: shown, the story and what is"
                        + " one step from it\\)");
        assertThat(hub.get("nodes").asInt()).isPositive().isLessThanOrEqualTo(400);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
