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
 * {@code storyc ci}'s live stage against a real PostgreSQL: the example's integration environment
 * is compiled, applied, loaded, tested and validated in one ci run, and the second table says
 * what each step came to.
 */
class CiLiveTest {
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
            System.out.println(ci);
        }
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
