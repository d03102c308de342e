package dev.storyc.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The site of the example workspace in a real browser: headless Chromium driven by playwright-core
 * ({@code src/test/browser/site.test.mjs}), which reports what the pages show as JSON; see {@link
 * BrowserDriver} for what happens when the browser is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowserTest {
    JsonNode report;
    Path screenshots;

    @BeforeAll
    void openTheSite(@TempDir Path temp) throws IOException, InterruptedException {
        BrowserDriver.requireTools();
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        assertThat(Storyc.run(workspace, "compile", "--all").exitCode()).isZero();
        Path site = temp.resolve("site");
        Storyc.Outcome written = Storyc.run(workspace, "site", "--out", site.toString());
        assertThat(written.exitCode()).as(written.toString()).isZero();
        screenshots = Checkout.root().resolve("compiler/target/site-screenshots");
        Files.createDirectories(screenshots);
        report = BrowserDriver.run(site, screenshots, temp);
    }

    @Test
    void noConsoleErrorAndNoRequestLeavesFileUrls() {
        assertThat(report.get("consoleErrors")).isEmpty();
        assertThat(report.get("pageErrors")).isEmpty();
        assertThat(report.get("externalRequests")).isEmpty();
        assertThat(report.get("requests").asInt()).isGreaterThan(10);
    }

    @Test
    void theBoardShowsProductionAcceptanceAndADeveloper() {
        JsonNode cells = report.get("board").get("cells");
        assertThat(cell(cells, "production", "patients")).isEqualTo("pinned ed4f794bb3 *");
        assertThat(cell(cells, "production", "appointments")).isEqualTo("pinned 541a9104da *");
        assertThat(cell(cells, "production", "care-gaps")).isEqualTo("absent -");
        assertThat(cell(cells, "acceptance-1", "care-gaps")).isEqualTo("main main");
        assertThat(cell(cells, "acceptance-1", "medication-adherence")).isEqualTo("absent -");
        assertThat(cell(cells, "dev-alice", "medication-adherence")).isEqualTo("main main");
        assertThat(report.get("board").get("rows").asInt()).isEqualTo(7);
        JsonNode production = report.get("board").get("environments").get("production");
        assertThat(production.get(2).asText()).isEqualTo("2026-W47");
        assertThat(production.get(3).asText()).matches("[0-9a-f]{10}");
        assertThat(production.get(4).asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(production.get(5).asText()).isEqualTo("up to date");
        assertThat(production.get(6).asText()).isEqualTo("no remote");
        assertThat(screenshots.resolve("site-board.png")).isNotEmptyFile();
    }

    @Test
    void clickingAStoryOpensItsPage() {
        JsonNode story = report.get("story");
        assertThat(story.get("url").asText()).isEqualTo("stories/patients.html");
        assertThat(story.get("id").asText()).isEqualTo("patients");
        assertThat(story.get("titleIsolated").asBoolean()).isTrue();
        assertThat(story.get("descriptionWhiteSpace").asText()).as("a description keeps its line breaks").isEqualTo("pre-line");
        assertThat(story.get("requiredBy").toString()).contains("care-gaps", "encounters");
        assertThat(story.get("layers").get("etl").toString())
                .isEqualTo("[\"etl/load_patients.job.toml\",\"etl/load_patients.sql\"]");
        assertThat(story.get("history").get(0).get(0).asText()).isEqualTo("2026-W47");
        assertThat(story.get("history").get(0).get(1).asText())
                .isEqualTo("ed4f794bb3341f8410e1fd430780154e1428ba09");
    }

    @Test
    void theLineageGraphHasTheExpectedNodesAndEdges() {
        JsonNode lineage = report.get("lineage");
        assertThat(texts(lineage.get("all").get("nodes")))
                .hasSize(68)
                .contains(
                        "table:ehr.patients",
                        "etl:patients/load_patients",
                        "table:analytics.patients",
                        "view:patients",
                        "explore:patients",
                        "element:patient_overview/patient_count",
                        "dashboard:patient_overview");
        assertThat(texts(lineage.get("all").get("edges")))
                .hasSize(85)
                .contains(
                        "table:ehr.patients -> etl:patients/load_patients",
                        "table:raw_ehr.ehr_patients -> etl:patients/load_patients",
                        "table:analytics.patients -> etl:care-gaps/build_care_gaps",
                        "etl:patients/load_patients -> table:analytics.patients",
                        "table:analytics.patients -> view:patients",
                        "view:patients -> explore:claims",
                        "explore:patients -> element:patient_overview/patient_count",
                        "element:patient_overview/patient_count -> dashboard:patient_overview");
        assertThat(lineage.get("all").get("positioned").asBoolean()).isTrue();
        // Production runs W47, which has no care gaps and no medication adherence.
        assertThat(texts(lineage.get("production").get("nodes")))
                .hasSize(43)
                .doesNotContain("view:care_gaps", "view:medication_pdc")
                .contains("view:claims");
        assertThat(texts(lineage.get("careGaps").get("nodes")))
                .containsExactlyInAnyOrder(
                        "table:ehr.lab_results",
                        "table:raw_ehr.ehr_lab_results",
                        "table:raw_ehr.ehr_procedures",
                        "etl:care-gaps/build_care_gaps",
                        "table:analytics.care_gaps",
                        "view:care_gaps",
                        "explore:care_gaps",
                        "dashboard:care_gap_closure",
                        "element:care_gap_closure/open_gaps",
                        "element:care_gap_closure/closure_rate_by_measure",
                        "element:care_gap_closure/gaps_closed_by_week",
                        "element:care_gap_closure/outreach_list",
                        // upstream: the explore joins patients, the job's SQL reads two story
                        // tables
                        "view:patients",
                        "table:analytics.patients",
                        "etl:patients/load_patients",
                        "table:ehr.patients",
                        "table:raw_ehr.ehr_patients",
                        "table:analytics.encounters",
                        "etl:encounters/load_encounters",
                        "table:ehr.encounters",
                        "table:raw_ehr.ehr_encounters");
        assertThat(lineage.get("careGapsHash").asText()).isEqualTo("#story=care-gaps");
        assertThat(texts(lineage.get("selected").get("selected")))
                .containsExactly("view:care_gaps");
        assertThat(lineage.get("selected").get("storyLink").asText()).isEqualTo("care-gaps");
        assertThat(lineage.get("selected").get("detail").asText())
                .contains("Upstream13 nodes", "Downstream6 nodes");
        assertThat(screenshots.resolve("site-lineage.png")).isNotEmptyFile();
        assertThat(lineage.get("empty").get("count").asText())
                .isEqualTo("nothing to draw: no node of this story in this environment");
        assertThat(lineage.get("empty").get("nodes").asInt()).isZero();
        assertThat(lineage.get("badHash").asInt()).as("a hash that does not decode is ignored").isPositive();
    }

    @Test
    void aStoryPageNeverScrollsSideways() {
        assertThat(report.get("story").get("overflow").asInt()).isLessThanOrEqualTo(0);
    }

    @Test
    void searchFindsAField() {
        assertThat(report.get("search")).hasSize(1);
        JsonNode hit = report.get("search").get(0);
        assertThat(hit.get("kind").asText()).isEqualTo("field");
        assertThat(hit.get("name").asText()).isEqualTo("patients.mrn");
        assertThat(hit.get("href").asText()).isEqualTo("../stories/patients.html#view-patients");
    }

    @Test
    void theReleasesPageListsEachManifestNewestFirst() {
        JsonNode releases = report.get("releases");
        assertThat(releases.get(0).get("name").asText()).isEqualTo("2026-W48");
        assertThat(texts(releases.get(0).get("added")))
                .containsExactly("+ care-gaps", "+ research-extract");
        assertThat(texts(releases.get(1).get("stories")))
                .containsExactly("patients", "encounters", "claims", "appointments");
    }

    private static String cell(JsonNode cells, String environment, String story) {
        JsonNode cell = cells.get(environment).get(story);
        return cell.get("state").asText() + " " + cell.get("text").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
