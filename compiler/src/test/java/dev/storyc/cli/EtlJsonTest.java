package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code etl run} and {@code etl status} with {@code --format json}, on real PostgreSQL: one
 * document on stdout however the run ends, valid against docs/schemas, holding what the registry
 * holds.
 */
class EtlJsonTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir Path folder;

    @Test
    void aRefusedRunAndAGreenOneEachPrintOneDocumentThatStatusAgreesWith() throws Exception {
        try (PostgresServer.Database database = PostgresServer.shared().createDatabase("etl_json")) {
            LiveWarehouseFixture fixture = LiveWarehouseFixture.compiled(folder, database);
            String head = dev.storyc.testing.GitCli.git(fixture.output(), "rev-parse", "main");

            JsonNode never = document(fixture.storyc(database, "etl", "status", "--env", "integration",
                    "--format", "json"), 0, "etl-status");
            assertThat(never.get("output_commit").asText()).isEqualTo(head);
            assertThat(never.get("never_run").asInt()).isEqualTo(7);
            List<String> jobs = new ArrayList<>();
            never.get("jobs").forEach(job -> jobs.add(job.get("job").asText()));
            assertThat(jobs).hasSize(7).startsWith("patients/load_patients").contains("care-gaps/build_care_gaps");

            // Nothing deployed yet: the first job is refused and stops the run.
            JsonNode refused = document(fixture.storyc(database, "etl", "run", "--env", "integration",
                    "--format", "json"), 1, "etl-run");
            assertThat(refused.get("runs")).singleElement().satisfies(run -> {
                assertThat(run.get("job").asText()).isEqualTo("patients/load_patients");
                assertThat(run.get("status").asText()).isEqualTo("refused");
                assertThat(run.get("rows").asLong()).isZero();
            });
            assertThat(refused.get("not_run")).hasSize(6);
            assertThat(refused.get("not_run").get(0).asText()).isEqualTo(jobs.get(1));
            assertThat(refused.get("diagnostics")).singleElement().satisfies(d -> {
                assertThat(d.get("code").asText()).isEqualTo("E0905");
                assertThat(d.get("file").asText()).isEqualTo("out/integration/etl/patients/load_patients.job.toml");
            });

            fixture.deploy(database);
            fixture.seed(database);
            JsonNode green = document(fixture.storyc(database, "etl", "run", "--env", "integration",
                    "--format", "json"), 0, "etl-run");
            List<String> ran = new ArrayList<>();
            green.get("runs").forEach(run -> {
                ran.add(run.get("job").asText());
                assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
            });
            assertThat(ran).isEqualTo(jobs);
            assertThat(green.get("runs").get(0).get("rows").asLong())
                    .isEqualTo(LiveWarehouseTest.count(database, "SELECT COUNT(*) FROM analytics.patients"))
                    .isEqualTo(8);
            assertThat(green.get("not_run")).isEmpty();
            assertThat(green.get("diagnostics")).isEmpty();

            JsonNode status = document(fixture.storyc(database, "etl", "status", "--env", "integration",
                    "--format", "json"), 0, "etl-status");
            assertThat(status.get("never_run").asInt()).isZero();
            for (int i = 0; i < jobs.size(); i++) {
                JsonNode job = status.get("jobs").get(i);
                JsonNode run = green.get("runs").get(i);
                assertThat(job.get("status").asText()).isEqualTo("succeeded");
                assertThat(job.get("run_id").asText()).isEqualTo(run.get("run_id").asText());
                assertThat(job.get("rows").asLong()).isEqualTo(run.get("rows").asLong());
                assertThat(job.get("output_commit").asText()).isEqualTo(head);
                assertThat(job.get("error").isNull()).isTrue();
            }
        }
    }

    @Test
    void anEnvironmentWithoutJobsSaysSoWithoutReachingItsWarehouse() throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(folder.resolve("workspace"));
        Checkout.write(workspace.resolve("releases/2026-W50.toml"), "stories = []\n");
        assertThat(Storyc.run(workspace, "release", "promote", "2026-W50", "--to", "acceptance-1").exitCode()).isZero();
        assertThat(Storyc.run(workspace, "compile", "--env", "acceptance-1").exitCode()).isZero();
        String head = dev.storyc.testing.GitCli.git(workspace.resolve("out/acceptance-1"), "rev-parse", "main");

        // The environment's warehouse host does not resolve: nothing may try to reach it.
        Storyc.Outcome text = Storyc.run(workspace, "etl", "run", "--env", "acceptance-1");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.stdout()).isEqualTo("acceptance-1 has no ETL jobs at output " + head.substring(0, 12)
                + ": nothing to run\n");
        JsonNode json = document(Storyc.run(workspace, "etl", "run", "--env", "acceptance-1", "--format", "json"),
                0, "etl-run");
        assertThat(json.get("runs")).isEmpty();
        assertThat(json.get("not_run")).isEmpty();
    }

    @Test
    void anEnvironmentNeverCompiledPrintsTheFailureDocument() throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(folder.resolve("workspace"));
        Storyc.Outcome outcome = Storyc.run(workspace, "etl", "run", "--env", "integration", "--format", "json");
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
        JsonNode failure = JSON.readTree(outcome.stdout());
        assertThat(failure.get("exit_code").asInt()).isEqualTo(3);
        assertThat(failure.get("failures").get(0).get("message").asText())
                .isEqualTo("integration has no compiled output in out/integration");
    }

    /** Returns stdout as the one document it must be, after checking the exit code and the schema. */
    private static JsonNode document(Storyc.Outcome outcome, int exitCode, String schema) throws IOException {
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(exitCode);
        JsonNode document = JSON.readTree(outcome.stdout());
        assertThat(document.get("schema").asText()).isEqualTo("storyc." + schema + "/1");
        assertThat(ListingJsonTest.schema(schema).validate(document)).as(document.toPrettyString()).isEmpty();
        return document;
    }
}
