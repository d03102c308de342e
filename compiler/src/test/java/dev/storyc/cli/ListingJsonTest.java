package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --format json} on the listing commands: stdout holds exactly one document, it names its
 * schema, and it validates against that schema in docs/schemas; then the facts it must carry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingJsonTest {
    static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    Path workspace;

    @BeforeAll
    void copyTheExample(@TempDir Path temp) {
        workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("status", List.of("status")),
                Arguments.of("stories", List.of("story", "list")),
                Arguments.of("story", List.of("story", "show", "care-gaps")),
                Arguments.of("environments", List.of("env", "list")),
                Arguments.of("graph", List.of("graph")),
                Arguments.of("graph", List.of("graph", "--release", "2026-W47")),
                Arguments.of("releases", List.of("release", "list")),
                Arguments.of("release", List.of("release", "show", "2026-W47")),
                Arguments.of("release", List.of("release", "show", "2026-W48")),
                Arguments.of("release-diff", List.of("release", "diff", "2026-W47", "2026-W48")),
                Arguments.of("phi-report", List.of("phi", "report", "--format", "json")),
                Arguments.of("cache-stats", List.of("cache", "stats", "--format", "json")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commands")
    void printsOneDocumentThatValidatesAgainstItsSchema(String schema, List<String> command)
            throws IOException {
        JsonNode document = document(command);
        assertThat(document.get("schema").asText()).isEqualTo("storyc." + schema + "/1");
        assertThat(schema(schema).validate(document)).as(document.toPrettyString()).isEmpty();
    }

    @Test
    void theSchemasListEveryDocumentStorycPrints() throws IOException {
        try (Stream<Path> files = Files.list(Checkout.root().resolve("docs/schemas"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "status-1.schema.json",
                            "stories-1.schema.json",
                            "story-1.schema.json",
                            "environments-1.schema.json",
                            "graph-1.schema.json",
                            "releases-1.schema.json",
                            "release-1.schema.json",
                            "release-diff-1.schema.json",
                            "diff-1.schema.json",
                            "phi-report-1.schema.json",
                            "cache-stats-1.schema.json",
                            // Validated against real runs by EtlJsonTest, on PostgreSQL.
                            "etl-run-1.schema.json",
                            "etl-status-1.schema.json");
        }
    }

    @Test
    void theSchemasRejectADocumentThatBreaksThem() throws IOException {
        JsonNode status = document(List.of("status"));
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        status.get("stories").get(0).get("cells").get("production"))
                .put("state", "deployed");
        assertThat(schema("status").validate(status)).isNotEmpty();
        JsonNode story = document(List.of("story", "show", "patients"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) story.get("story")).remove("files");
        assertThat(schema("story").validate(story)).isNotEmpty();
    }

    @Test
    void statusCarriesEachCell() throws IOException {
        JsonNode status = document(List.of("status"));
        JsonNode patients = row(status.get("stories"), "patients").get("cells");
        assertThat(patients.get("production").get("state").asText()).isEqualTo("pinned");
        assertThat(patients.get("production").get("tree").asText())
                .isEqualTo("ed4f794bb3341f8410e1fd430780154e1428ba09");
        assertThat(patients.get("acceptance-1").get("state").asText()).isEqualTo("main");
        assertThat(
                        row(status.get("stories"), "care-gaps")
                                .get("cells")
                                .get("production")
                                .get("state")
                                .asText())
                .isEqualTo("absent");
        assertThat(names(status.get("environments"), "name"))
                .contains("production", "acceptance-1", "dev-alice");
    }

    @Test
    void storyShowCarriesItsRelationsReleasesAndFiles() throws IOException {
        JsonNode story = document(List.of("story", "show", "patients")).get("story");
        assertThat(story.get("title").asText()).isEqualTo("Patients: the patient dimension");
        assertThat(story.get("owner").asText()).isEqualTo("cobbr2");
        assertThat(names(story.get("required_by"), null)).contains("care-gaps", "encounters");
        assertThat(story.get("releases").get(0).get("name").asText()).isEqualTo("2026-W47");
        assertThat(story.get("releases").get(0).get("pin").asText())
                .isEqualTo("ed4f794bb3341f8410e1fd430780154e1428ba09");
        assertThat(story.get("releases").get(1).get("pin").isNull()).isTrue();
        JsonNode deploy = row(story.get("files"), "schema/deploy.sql", "path");
        assertThat(deploy.get("kind").asText()).isEqualTo("schema-deploy");
        assertThat(deploy.get("layer").asText()).isEqualTo("warehouse");
    }

    @Test
    void graphMarksARequirementTheReleaseLeavesOut() throws IOException {
        JsonNode graph = document(List.of("graph", "--release", "2026-W47"));
        assertThat(graph.get("title").asText()).isEqualTo("release 2026-W47");
        assertThat(names(graph.get("nodes"), "id"))
                .containsExactly("patients", "encounters", "claims", "appointments");
        for (JsonNode edge : graph.get("edges")) {
            assertThat(edge.get("missing").asBoolean()).as(edge.toString()).isFalse();
        }
        JsonNode all = document(List.of("graph"));
        assertThat(all.get("edges").toString())
                .contains("{\"from\":\"care-gaps\",\"to\":\"patients\",\"missing\":false}");
    }

    @Test
    void releasesCarryTheirStoriesPinsAndTheirDiff() throws IOException {
        JsonNode releases = document(List.of("release", "list")).get("releases");
        assertThat(names(releases, "name")).containsExactly("2026-W47", "2026-W48");
        assertThat(releases.get(0).get("sealed").asBoolean()).isTrue();
        assertThat(names(releases.get(0).get("environments"), null)).containsExactly("production");
        assertThat(names(releases.get(1).get("stories"), null))
                .containsExactly("patients", "encounters", "claims", "appointments", "care-gaps",
                        "research-extract");
        JsonNode w47 = document(List.of("release", "show", "2026-W47")).get("release");
        assertThat(w47.get("path").asText()).isEqualTo("releases/2026-W47.toml");
        JsonNode patients = row(w47.get("stories"), "patients");
        assertThat(patients.get("pin").asText()).isEqualTo("ed4f794bb3341f8410e1fd430780154e1428ba09");
        assertThat(names(row(w47.get("stories"), "claims").get("requires"), null))
                .contains("patients", "encounters");
        JsonNode w48 = document(List.of("release", "show", "2026-W48")).get("release");
        assertThat(row(w48.get("stories"), "care-gaps").get("pin").isNull()).isTrue();
        JsonNode diff = document(List.of("release", "diff", "2026-W47", "2026-W48"));
        assertThat(diff.get("from").asText()).isEqualTo("2026-W47");
        assertThat(names(diff.get("added"), null)).containsExactly("care-gaps", "research-extract");
        assertThat(names(diff.get("removed"), null)).isEmpty();
        JsonNode changed = row(diff.get("changed"), "patients", "story");
        assertThat(changed.get("files").get(0).get("change").asText()).isIn("added", "modified", "deleted");
    }

    @Test
    void envListCarriesConnectionsAndHashes() throws IOException {
        JsonNode production =
                row(document(List.of("env", "list")).get("environments"), "production", "name");
        assertThat(production.get("connection").asText()).isEqualTo("looker_analytics_prod");
        assertThat(production.get("protected").asBoolean()).isTrue();
        assertThat(production.get("release").asText()).isEqualTo("2026-W47");
    }

    @Test
    void theDiffDocumentValidatesToo() throws IOException {
        assertThat(Storyc.run(workspace, "compile", "--env", "dev-bob").exitCode()).isZero();
        JsonNode diff = document(List.of("diff", "--env", "dev-alice", "--format", "json"));
        assertThat(schema("diff").validate(diff)).as(diff.toPrettyString()).isEmpty();
        assertThat(diff.get("before").get("commit").isNull()).isTrue();
    }

    private JsonNode document(List<String> command) throws IOException {
        List<String> args = new ArrayList<>(command);
        if (!args.contains("--format")) {
            args.addAll(List.of("--format", "json"));
        }
        Storyc.Outcome outcome = Storyc.run(workspace, args.toArray(String[]::new));
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).startsWith("{\n").endsWith("}\n");
        return JSON.readTree(outcome.stdout());
    }

    /** Returns docs/schemas/{@code name}-1.schema.json; EtlJsonTest validates against it too. */
    static JsonSchema schema(String name) throws IOException {
        Path file = Checkout.root().resolve("docs/schemas/" + name + "-1.schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private static JsonNode row(JsonNode array, String id) {
        return row(array, id, "id");
    }

    private static JsonNode row(JsonNode array, String value, String key) {
        for (JsonNode node : array) {
            if (node.get(key).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + array);
    }

    private static List<String> names(JsonNode array, String key) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(key == null ? node.asText() : node.get(key).asText()));
        return names;
    }
}
