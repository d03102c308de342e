package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.PostgresServer;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedules run {@code storyc etl run} in a checkout of the output repository, where no
 * workspace is: each crontab line's command, run in a clone of the output on a real PostgreSQL,
 * loads its job, reaching the warehouse through the output's own warehouse/connection.toml. It was
 * refused there (E0101, not a workspace), so no scheduled job could ever run (round 14).
 */
class OutputCheckoutEtlTest {
    @TempDir Path folder;

    @Test
    void theCrontabsCommandRunsItsJobInACheckoutOfTheOutput() throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (PostgresServer.Database database = server.createDatabase("checkout_etl")) {
            LiveWarehouseFixture fixture = LiveWarehouseFixture.compiled(folder.resolve("ws"), database);
            fixture.deploy(database);
            fixture.seed(database);
            Path checkout = folder.resolve("srv/integration");
            GitCli.git(folder, "clone", "-q", fixture.output().toString(), checkout.toString());
            String connection = Checkout.read(checkout.resolve("warehouse/connection.toml"));
            assertThat(connection).contains("environment = \"integration\"")
                    .contains("password = \"${env:" + LiveWarehouseFixture.PASSWORD_VARIABLE + "}\"")
                    .doesNotContain(PostgresServer.PASSWORD);
            String line = Checkout.read(checkout.resolve("schedules/crontab")).lines()
                    .filter(l -> l.endsWith("patients/load_patients")).findFirst().orElseThrow();
            String[] command = line.substring(line.indexOf(" storyc etl run ") + " storyc ".length()).split(" ");
            assertThat(command).containsExactly("etl", "run", "--env", "integration", "patients/load_patients");
            Map<String, String> process = PostgresServer.Database.passwordEnvironment(
                    LiveWarehouseFixture.PASSWORD_VARIABLE);

            Storyc.Outcome run = Storyc.runIn(checkout, process, command);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdout()).contains("succeeded patients/load_patients");
            assertThat(LiveWarehouseTest.count(database, "SELECT COUNT(*) FROM analytics.patients")).isEqualTo(8);
            // Named in the other order, jobs still run in the environment's: encounters requires patients.
            Storyc.Outcome both = Storyc.runIn(checkout, process, "etl", "run", "load_encounters",
                    "patients/load_patients");
            assertThat(both.exitCode()).as(both.toString()).isZero();
            assertThat(both.stdout().indexOf("patients/load_patients"))
                    .isLessThan(both.stdout().indexOf("encounters/load_encounters")).isNotNegative();
            Storyc.Outcome misspelt = Storyc.runIn(checkout, process, "etl", "run", "load_patinets");
            assertThat(misspelt.exitCode()).isEqualTo(2);
            assertThat(misspelt.stderr()).contains("did you mean `load_patients`?");
            Storyc.Outcome status = Storyc.runIn(checkout, process, "etl", "status");
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.stdout()).contains("patients/load_patients").contains("succeeded");

            // From a subfolder, with --project from elsewhere, and in a worktree, whose .git is a file.
            Storyc.Outcome below = Storyc.runIn(checkout.resolve("etl"), process, "etl", "status");
            assertThat(below.exitCode()).as(below.toString()).isZero();
            assertThat(below.stdout()).isEqualTo(status.stdout());
            Storyc.Outcome named = Storyc.runIn(folder, process, "-p", checkout.toString(), "etl", "status");
            assertThat(named.exitCode()).as(named.toString()).isZero();
            Path worktree = folder.resolve("srv/worktree");
            GitCli.git(checkout, "worktree", "add", "-q", "--detach", worktree.toString());
            Storyc.Outcome inWorktree = Storyc.runIn(worktree, process, "etl", "status");
            assertThat(inWorktree.exitCode()).as(inWorktree.toString()).isZero();
            assertThat(inWorktree.stdout()).isEqualTo(status.stdout());

            Storyc.Outcome other = Storyc.runIn(checkout, process, "etl", "run", "--env", "acceptance-1");
            assertThat(other.exitCode()).isEqualTo(2);
            assertThat(other.stderr()).contains("this checkout holds the output of environment `integration`,"
                    + " not `acceptance-1`");
            Storyc.Outcome unset = Storyc.runIn(checkout, Map.of(), Arrays.copyOf(command, command.length));
            assertThat(unset.exitCode()).isEqualTo(3);
            assertThat(unset.stderr()).contains("reads ${env:" + LiveWarehouseFixture.PASSWORD_VARIABLE + "} and "
                    + LiveWarehouseFixture.PASSWORD_VARIABLE + " is not set");
        }
    }
}
