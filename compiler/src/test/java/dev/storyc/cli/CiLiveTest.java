package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code storyc ci}'s live stage against a real PostgreSQL: the example's integration environment
 * is compiled, applied, loaded, tested and validated in one ci run, and the second table says
 * what each step came to.
 */
class CiLiveTest {
    private static final String HEADER =
            "ENV              APPLY                  ETL                  "
                    + "TEST                   VALIDATE\n";

    @TempDir Path workspace;

    @Test
    void provesIntegrationLiveAfterTheCompile() throws Exception {
        try (PostgresServer.Database database =
                PostgresServer.shared().createDatabase("ci_live_green")) {
            prepare(database);
            Checkout.write(workspace.resolve("storyc.toml"), "ci.live = [\"integration\"]\n");
            commit("Prove integration live in CI");

            Storyc.Outcome ci = storyc(database, "ci", "--no-push");

            assertThat(ci.exitCode()).as(ci.toString()).isZero();
            assertThat(liveTable(ci))
                    .isEqualTo(
                            HEADER
                                    + "integration      7 deployed             "
                                    + "7 ok                 "
                                    + "16 passed              108 ok\n"
                                    + "1 environment proven live, 0 failed\n");
            assertThat(LiveWarehouseTest.count(database, "SELECT COUNT(*) FROM analytics.claims"))
                    .isPositive();

            // Run again: nothing to deploy, the jobs reload, and --format json carries the table.
            Storyc.Outcome again = storyc(database, "ci", "--no-push", "--format", "json");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.stdout())
                    .isEqualTo(
                            "{\n"
                                    + "  \"diagnostics\": [],\n"
                                    + "  \"live\": [\n"
                                    + "    {\"environment\": \"integration\","
                                    + " \"apply\": {\"status\": \"passed\","
                                    + " \"summary\": \"no-op\"},"
                                    + " \"etl\": {\"status\": \"passed\", \"summary\": \"7 ok\"},"
                                    + " \"test\": {\"status\": \"passed\","
                                    + " \"summary\": \"16 passed\"},"
                                    + " \"validate\": {\"status\": \"passed\","
                                    + " \"summary\": \"108 ok\"}}\n"
                                    + "  ]\n"
                                    + "}\n");
        }
    }

    @Test
    void aFailingDataTestStopsTheChainWithExitOne() throws Exception {
        try (PostgresServer.Database database =
                PostgresServer.shared().createDatabase("ci_live_red")) {
            prepare(database);
            Checkout.write(
                    workspace.resolve("stories/claims/tests/no_claims.sql"),
                    "-- Fails on purpose: the seed loads claims.\n"
                            + "SELECT claim_id FROM <% env.warehouse.schema %>.claims\n");
            commit("A data test that fails");

            Storyc.Outcome ci = storyc(database, "ci", "--no-push", "--live", "integration");

            assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(1);
            assertThat(liveTable(ci))
                    .isEqualTo(
                            HEADER
                                    + "integration      7 deployed             "
                                    + "7 ok                 "
                                    + "16 passed, 1 failed    skipped\n"
                                    + "0 environments proven live, 1 failed\n");
            assertThat(ci.stderr())
                    .contains("error[E0911]: data test `claims/no_claims` returned 3 rows")
                    .contains("--> out/integration/tests/claims/no_claims.sql:2:1");
        }
    }

    @Test
    void anUnreachableDatabaseIsExitThree() throws Exception {
        try (PostgresServer.Database database =
                PostgresServer.shared().createDatabase("ci_live_down")) {
            prepare(database);
            Storyc.Outcome ci = storyc(database, "-D",
                    "warehouse.url=jdbc:postgresql://127.0.0.1:1/analytics", "ci", "--no-push",
                    "--live", "integration");

            assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(3);
            assertThat(liveTable(ci))
                    .isEqualTo(
                            HEADER
                                    + "integration      unreachable            "
                                    + "skipped              "
                                    + "skipped                skipped\n"
                                    + "0 environments proven live, 1 failed\n");
            assertThat(ci.stderr())
                    .contains("error: cannot reach the warehouse of integration at")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void anotherEnvironmentStillRunsAfterOneCannotConnect() throws Exception {
        try (PostgresServer.Database database =
                PostgresServer.shared().createDatabase("ci_live_two")) {
            prepare(database);
            Storyc.Outcome ci = storyc(database, "ci", "--no-push", "--live", "production",
                    "--live", "integration");

            // production's password is wrong here: exit 3, and integration is proven regardless.
            assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(3);
            assertThat(liveTable(ci))
                    .isEqualTo(
                            HEADER
                                    + "production       unreachable            "
                                    + "skipped              skipped                skipped\n"
                                    + "integration      7 deployed             "
                                    + "7 ok                 16 passed              108 ok\n"
                                    + "1 environment proven live, 1 failed\n");
            assertThat(ci.stderr())
                    .contains("error: the warehouse of production refused to log in")
                    .doesNotContain("unused");
        }
    }

    /** Names ci does not compile, from each place a name can come from: nothing is written. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ci.live = [\"integraton\"]|ci|`integraton`|storyc.toml:1:1|did you mean"
                        + " `integration`|1",
                "-|ci --live=dev-alice|`dev-alice`|command line|ci compiles acceptance-1,"
                        + " acceptance-2,|2",
                "-|-Dci.live=nowhere ci|`nowhere`|command line|ci compiles acceptance-1,|2",
                "ci.live = \"integration, prod\"|ci|`prod`|storyc.toml:1:1|ci compiles"
                        + " acceptance-1,|1",
            })
    void anEnvironmentCiDoesNotCompileIsE0934(
            String toml, String command, String name, String at, String hint, int exit) {
        Checkout.copyExampleWorkspace(workspace);
        if (!toml.equals("-")) {
            Checkout.write(workspace.resolve("storyc.toml"), toml + "\n");
        }
        commit("Set ci.live");
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--no-push");

        Storyc.Outcome ci = Storyc.run(workspace, Map.of(), args.toArray(String[]::new));

        assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(exit);
        assertThat(ci.stderr())
                .contains("error[E0934]: " + name + " is not an environment that ci compiles")
                .contains("--> " + at)
                .contains(hint);
        assertThat(workspace.resolve("out")).doesNotExist();
        if (command.equals("ci")) {
            // check finds it before ci does, with the same code, position and exit.
            Storyc.Outcome check = Storyc.run(workspace, Map.of(), "check", "--all");
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(exit);
            assertThat(check.stderr()).contains("error[E0934]: " + name).contains("--> " + at);
        }
    }

    /** Returns the live table: from its header to the end of stdout. */
    private static String liveTable(Storyc.Outcome ci) {
        int start = ci.stdout().indexOf("ENV  ");
        assertThat(start).as(ci.toString()).isNotNegative();
        return ci.stdout().substring(start);
    }

    private void prepare(PostgresServer.Database database) throws Exception {
        LiveWarehouseFixture.compiled(workspace, database);
        database.execute(Files.readString(workspace.resolve("seed/raw_ehr.sql")));
    }

    private Storyc.Outcome storyc(PostgresServer.Database database, String... args) {
        return LiveWarehouseFixture.over(workspace).storyc(database, args);
    }

    private void commit(String message) {
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=ci", "-c", "user.email=ci@example.com", "commit", "-q",
                "-m", message);
    }
}
