package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A connection lost after part of the work committed: {@code etl run} and {@code warehouse apply}
 * with {@code --format json} print their own document of what was done, with the failure and exit
 * code 3 beside it, not the generic failure document that says nothing ran.
 */
class LostConnectionJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LOCK = 4242;

    @TempDir Path folder;

    @Test
    void etlRunReportsTheJobsThatCommittedBeforeTheConnectionWasLost() throws Exception {
        try (PostgresServer.Database database = PostgresServer.shared().createDatabase("lost_etl")) {
            LiveWarehouseFixture fixture = LiveWarehouseFixture.compiled(folder, database);
            fixture.deploy(database);
            fixture.seed(database);
            JsonNode jobs = JSON.readTree(fixture.storyc(database, "etl", "status", "--env", "integration",
                    "--format", "json").stdout()).get("jobs");
            String second = jobs.get(1).get("job").asText();
            String target = Checkout.read(fixture.workspace.resolve("stories/" + second.replace("/", "/etl/")
                    + ".job.toml")).replaceAll("(?s).*target = \"<% env.warehouse.schema %>\\.(\\w+)\".*", "$1");

            JsonNode document;
            try (Connection holder = database.connect(); Statement hold = holder.createStatement()) {
                holder.setAutoCommit(false);
                hold.execute("LOCK TABLE analytics." + target + " IN ACCESS EXCLUSIVE MODE");
                document = lostWhileBlocked(database, () -> fixture.storyc(database, "etl", "run", "--env",
                        "integration", "--format", "json"));
            }

            assertThat(document.get("schema").asText()).isEqualTo("storyc.etl-run/1");
            assertThat(ListingJsonTest.schema("etl-run").validate(document)).as(document.toPrettyString()).isEmpty();
            assertThat(document.get("runs")).singleElement().satisfies(run -> {
                assertThat(run.get("job").asText()).isEqualTo(jobs.get(0).get("job").asText());
                assertThat(run.get("status").asText()).isEqualTo("succeeded");
            });
            assertThat(document.get("not_run")).hasSize(6);
            assertThat(document.get("not_run").get(0).asText()).isEqualTo(second);
            assertThat(document.get("exit_code").asInt()).isEqualTo(3);
            assertThat(document.get("failures").get(0).get("message").asText()).contains(second)
                    .contains("connection");
        }
    }

    @Test
    void warehouseApplyReportsTheChangesThatCommittedBeforeTheConnectionWasLost() throws Exception {
        try (PostgresServer.Database database = PostgresServer.shared().createDatabase("lost_apply")) {
            LiveWarehouseFixture fixture = LiveWarehouseFixture.compiled(folder, database);
            List<String> order = new ArrayList<>();
            JSON.readTree(fixture.storyc(database, "warehouse", "plan", "--env", "integration", "--format", "json")
                    .stdout()).get("actions").forEach(action -> order.add(action.get("change").asText()));
            String second = order.get(1);
            Path deploy = fixture.workspace.resolve("stories/" + second.replace("/base", "") + "/schema/deploy.sql");
            Checkout.write(deploy, "SELECT pg_advisory_xact_lock(" + LOCK + ");\n" + Checkout.read(deploy));
            assertThat(fixture.storyc(database, "compile", "--env", "integration").exitCode()).isZero();

            JsonNode document;
            try (Connection holder = database.connect(); Statement hold = holder.createStatement()) {
                hold.execute("SELECT pg_advisory_lock(" + LOCK + ")");
                document = lostWhileBlocked(database, () -> fixture.storyc(database, "warehouse", "apply", "--env",
                        "integration", "--format", "json"));
            }

            assertThat(document.get("done")).singleElement().satisfies(done -> {
                assertThat(done.get("action").asText()).isEqualTo("deploy");
                assertThat(done.get("change").asText()).isEqualTo(order.get(0));
            });
            assertThat(document.get("exit_code").asInt()).isEqualTo(3);
            assertThat(document.get("failures").get(0).get("message").asText()).contains(second);
            assertThat(fixture.storyc(database, "warehouse", "status", "--env", "integration").stdout())
                    .as("the registry agrees: the first change is deployed")
                    .containsPattern(java.util.regex.Pattern.quote(order.get(0)) + "\\s+deployed");
        }
    }

    /**
     * Runs storyc until its connection waits on a lock the test holds, ends that connection as a
     * restarting server would, and returns the one document storyc printed.
     */
    private static JsonNode lostWhileBlocked(PostgresServer.Database database,
            java.util.function.Supplier<Storyc.Outcome> command) throws Exception {
        CompletableFuture<Storyc.Outcome> running = CompletableFuture.supplyAsync(command);
        try (Connection watcher = database.connect(); Statement watch = watcher.createStatement()) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            boolean ended = false;
            while (!ended && System.nanoTime() < deadline && !running.isDone()) {
                try (ResultSet blocked = watch.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'storyc' AND wait_event_type = 'Lock'")) {
                    ended = blocked.next();
                }
                Thread.sleep(50);
            }
            assertThat(ended).as("storyc waited on the lock").isTrue();
        }
        Storyc.Outcome outcome = running.get();
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(3);
        return JSON.readTree(outcome.stdout());
    }
}
