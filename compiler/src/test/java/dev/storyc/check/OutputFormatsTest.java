package dev.storyc.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --format json} and {@code --format sarif}: stdout holds only the document, the closing
 * count goes to stderr, and the SARIF validates against the SARIF 2.1.0 schema (vendored in
 * src/test/resources/sarif, since tests cannot download).
 */
class OutputFormatsTest {
    static final Path CASES = CheckCasesTest.CASES;
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonSchema sarifSchema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = OutputFormatsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    @Test
    void sarifWithResultsAndRelatedLocationsValidates() throws Exception {
        Storyc.Outcome outcome = Storyc.run(CASES.resolve("dashboard-unknown-field"), "check", "--all",
                "--format", "sarif");

        assertThat(outcome.exitCode()).isEqualTo(1);
        JsonNode log = JSON.readTree(outcome.stdout());
        Set<ValidationMessage> problems = sarifSchema.validate(log);
        assertThat(problems).as(outcome.stdout()).isEmpty();
        JsonNode result = log.at("/runs/0/results/0");
        assertThat(result.at("/ruleId").asText()).isEqualTo("E0605");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("stories/extra/dashboards/extra.dashboard.lookml");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(9);
        assertThat(result.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(14);
        assertThat(result.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("stories/extra/views/extra.view.lkml");
        assertThat(log.at("/runs/0/tool/driver/rules/0/id").asText()).isEqualTo("E0605");
        assertThat(outcome.stderr()).isEqualTo("1 error, 0 warnings\n");
    }

    @Test
    void sarifOfAFileWideProblemAndOfACleanRunValidate(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        for (String name : new String[] {"deploy-without-revert", "minimal"}) {
            // A copy: a clean run writes .storyc/cache into the workspace it checks.
            Path workspace = temp.resolve(name);
            Checkout.copy(CASES.resolve(name), workspace);
            Storyc.Outcome outcome = Storyc.run(workspace, "check", "--all", "--format", "sarif");
            assertThat(sarifSchema.validate(JSON.readTree(outcome.stdout()))).as(outcome.stdout()).isEmpty();
        }
    }

    /**
     * A run that could not look at anything says so in its invocation, where an empty log read as
     * clean to code scanning; a setting's problem has no file to point at, so no artifact.
     */
    @Test
    void sarifOfARunThatFailedSaysItDidNotComplete(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path workspace = temp.resolve("minimal");
        Checkout.copy(CASES.resolve("minimal"), workspace);

        Storyc.Outcome unknown = Storyc.run(workspace, "check", "--env", "nope", "--format", "sarif");
        JsonNode failed = JSON.readTree(unknown.stdout());
        assertThat(sarifSchema.validate(failed)).as(unknown.stdout()).isEmpty();
        JsonNode invocation = failed.at("/runs/0/invocations/0");
        assertThat(invocation.get("executionSuccessful").asBoolean()).as(unknown.stdout()).isFalse();
        assertThat(invocation.get("exitCode").asInt()).isEqualTo(unknown.exitCode()).isNotIn(0, 1);

        Storyc.Outcome setting = Storyc.run(workspace, Map.of("STORYC_JOBS", "many"), "check", "--all",
                "--format", "sarif");
        JsonNode log = JSON.readTree(setting.stdout());
        assertThat(sarifSchema.validate(log)).as(setting.stdout()).isEmpty();
        assertThat(log.at("/runs/0/results/0/ruleId").asText()).as(setting.stdout()).isEqualTo("E0225");
        assertThat(log.at("/runs/0/results/0/locations")).isEmpty();
        assertThat(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();

        Storyc.Outcome clean = Storyc.run(workspace, "check", "--all", "--format", "sarif");
        assertThat(JSON.readTree(clean.stdout()).at("/runs/0/invocations/0/executionSuccessful").asBoolean())
                .isTrue();
    }

    @Test
    void jsonHasOneObjectPerDiagnosticAndNothingElseOnStdout() throws Exception {
        Storyc.Outcome outcome = Storyc.run(CASES.resolve("unknown-view"), "check", "--all", "--format", "json");

        JsonNode diagnostics = JSON.readTree(outcome.stdout());
        assertThat(diagnostics.isArray()).isTrue();
        // The same join is broken in both environments: one diagnostic, with a note naming the other.
        assertThat(diagnostics).hasSize(1);
        JsonNode first = diagnostics.get(0);
        assertThat(first.get("code").asText()).isEqualTo("E0601");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("file").asText()).isEqualTo("stories/extra/explores/extra.explore.lkml");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isEqualTo(9);
        assertThat(first.get("hint").asText()).isEqualTo("did you mean `base`?");
        assertThat(first.toString()).contains("the same in environment prod");
        assertThat(outcome.stderr()).isEqualTo("1 error, 0 warnings\n");
    }

    @Test
    void aCleanRunPrintsAnEmptyDocumentAndMovesResultLinesToStderr() {
        Storyc.Outcome outcome = Storyc.run(Checkout.root(), "check", "--all", "--format", "json");

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).isEqualTo("[]\n");
        assertThat(outcome.stderr()).contains("0 errors, 0 warnings").contains("ok  production");
    }
}
