package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed week on acceptance, with its data: W48 is deployed, the raw feeds are loaded, every ETL
 * job runs, every data test passes and every field validates. care-gaps then fails acceptance and
 * is backed out by deleting its line: its schedule entries and its table leave, and the remaining
 * stories still load, test and validate green.
 */
class SeedWeekEtlTest {
    @TempDir Path workspace;

    @Test
    void acceptanceLoadsTestsValidatesAndBacksCareGapsOut() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database acceptance = server.createDatabase("seed_week_acc1")) {
            Checkout.copyExampleWorkspace(workspace);
            Path environments = workspace.resolve("environments.toml");
            Checkout.write(
                    environments,
                    Checkout.read(environments)
                            .replace(
                                    "warehouse.database = \"analytics_acc1\"\n",
                                    acceptance.warehouseToml(
                                            "analytics", LiveWarehouseFixture.PASSWORD_VARIABLE)));
            // A job's SET must end with its job: were it left, every later job of the run, and
            // the run's own record, would fail in a read-only transaction.
            Path patientsJob = workspace.resolve("stories/patients/etl/load_patients.sql");
            Checkout.write(patientsJob,
                    Checkout.read(patientsJob) + "SET default_transaction_read_only = on;\n");
            commit("Point acceptance-1 at the test server");
            ok("release", "seal", "2026-W48");
            commit("Seal 2026-W48");

            ok("compile", "--env", "acceptance-1");
            Path output = workspace.resolve("out/acceptance-1");
            assertThat(Files.readString(output.resolve("schedules/crontab")))
                    .contains("storyc etl run --env acceptance-1 care-gaps/build_care_gaps");
            ok("warehouse", "apply", "--env", "acceptance-1");
            acceptance.execute(Files.readString(workspace.resolve("seed/raw_ehr.sql")));
            assertThat(ok("etl", "run", "--env", "acceptance-1").stdout())
                    .contains("succeeded care-gaps/build_care_gaps");
            assertThat(ok("test", "--env", "acceptance-1").stdout())
                    .contains("pass   care_gaps.care_gap_id is unique")
                    .doesNotContain("FAIL");
            assertThat(ok("validate", "--env", "acceptance-1").stdout()).contains("0 problems");
            assertThat(
                            LiveWarehouseTest.count(
                                    acceptance, "SELECT COUNT(*) FROM analytics.care_gaps"))
                    .isPositive();

            // care-gaps fails acceptance: delete its line (and its pin), compile, apply.
            Path w48 = workspace.resolve("releases/2026-W48.toml");
            Checkout.write(
                    w48,
                    Checkout.read(w48)
                            .replace("  \"care-gaps\",\n", "")
                            .replaceAll("care-gaps = \"[0-9a-f]{40}\"\n", ""));
            commit("Back care-gaps out of 2026-W48: failed acceptance");
            ok("compile", "--env", "acceptance-1");
            assertThat(Files.readString(output.resolve("schedules/crontab")))
                    .doesNotContain("care-gaps");
            assertThat(Files.readString(output.resolve("schedules/kubernetes.yaml")))
                    .doesNotContain("care-gaps");
            assertThat(ok("warehouse", "apply", "--env", "acceptance-1").stdout())
                    .contains("reverted");
            assertThat(
                            LiveWarehouseTest.count(
                                    acceptance,
                                    "SELECT COUNT(*) FROM information_schema.tables WHERE"
                                        + " table_schema = 'analytics' AND table_name ="
                                        + " 'care_gaps'"))
                    .isZero();

            Storyc.Outcome rest = ok("etl", "run", "--env", "acceptance-1");
            assertThat(rest.stdout())
                    .doesNotContain("care-gaps")
                    .contains("succeeded patients/load_patients");
            assertThat(ok("etl", "status", "--env", "acceptance-1").stdout())
                    .doesNotContain("care-gaps")
                    .contains("0 never run");
            assertThat(ok("test", "--env", "acceptance-1").stdout())
                    .doesNotContain("care_gaps")
                    .doesNotContain("FAIL");
            assertThat(ok("validate", "--env", "acceptance-1").stdout()).contains("0 problems");
        }
    }

    private Storyc.Outcome ok(String... args) {
        Map<String, String> environment =
                new HashMap<>(
                        PostgresServer.Database.passwordEnvironment(
                                LiveWarehouseFixture.PASSWORD_VARIABLE));
        environment.put("STORYC_PROD_WAREHOUSE_PASSWORD", "unused");
        Storyc.Outcome outcome = Storyc.run(workspace, environment, args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
        return outcome;
    }

    private void commit(String message) {
        git(workspace, "add", "-A");
        git(
                workspace,
                "-c",
                "user.name=cobbr2",
                "-c",
                "user.email=cobbr2@example.com",
                "commit",
                "-q",
                "-m",
                message);
    }
}
