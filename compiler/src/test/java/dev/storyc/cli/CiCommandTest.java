package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitServers;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code storyc ci}: check everything, compile the shared environments, push what changed, one table. */
class CiCommandTest {
    @TempDir
    Path temp;

    @Test
    void compilesEverySharedEnvironmentAndPushesThoseWithARemote() {
        Path remote = GitServers.bareRepository(temp.resolve("production.git"));
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Workspaces.setRemote(workspace, "production", GitServers.fileUrl(remote));

        Storyc.Outcome ci = Storyc.run(workspace, Map.of("CI", "true"), "ci", "--jobs", "2");

        assertThat(ci.exitCode()).as(ci.toString()).isZero();
        assertThat(ci.stdout()).contains("ok  dev-alice").contains("ok  production")
                .contains("ENVIRONMENT      RELEASE     ADDED  REMOVED  COMMIT        PUSHED")
                .containsPattern("production\\s+2026-W47\\s+\\+4\\s+-0\\s+[0-9a-f]{12}\\s+yes")
                .containsPattern("acceptance-1\\s+2026-W48\\s+\\+6\\s+-0\\s+[0-9a-f]{12}\\s+no remote")
                .containsPattern("integration\\s+all\\s+\\+7\\s+-0\\s+[0-9a-f]{12}\\s+no remote")
                .contains("4 environments compiled, 0 failed")
                .doesNotContainPattern("(?m)^dev-alice");
        // A remote's transfer is worth a log line; writing a local commit's objects is not.
        assertThat(ci.stderr()).contains("production: Writing objects").doesNotContain("\r")
                .doesNotContain("acceptance-1: Writing objects");
        assertThat(workspace.resolve("out/dev-alice")).doesNotExist();
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(git(workspace.resolve("out/production"), "rev-parse", "main"));

        Storyc.Outcome again = Storyc.run(workspace, "ci");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).containsPattern("production\\s+2026-W47\\s+\\+0\\s+-0\\s+[0-9a-f]{12}\\s+up to date");
    }

    @Test
    void liveAndNoLiveTogetherAreAUsageError() {
        Storyc.Outcome ci = Storyc.run(Checkout.root(), "ci", "--no-push", "--live", "integration", "--no-live");

        assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(2);
        assertThat(ci.stderr()).contains("error: --live and --no-live cannot be used together");
        assertThat(ci.stdout()).isEmpty();
    }

    @Test
    void noPushCompilesWithoutContactingAnyRemote() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Workspaces.setRemote(workspace, "production", "http://127.0.0.1:9/nowhere.git");

        Storyc.Outcome ci = Storyc.run(workspace, "ci", "--no-push");

        assertThat(ci.exitCode()).as(ci.toString()).isZero();
        assertThat(ci.stdout()).containsPattern("production\\s+2026-W47\\s+\\+4\\s+-0\\s+[0-9a-f]{12}\\s+no: --no-push");
    }

    @Test
    void anUnreachableRemoteFailsThatEnvironmentWithExit3AndTheOthersStillCompile() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        // A token is never written into environments.toml; it comes from the process, by reference.
        Workspaces.setRemote(workspace, "production",
                "http://user:${env:STORYC_TEST_REMOTE_TOKEN}@127.0.0.1:9/nowhere.git");

        Storyc.Outcome ci = Storyc.run(workspace, Map.of("STORYC_TEST_REMOTE_TOKEN", "pw"),
                "ci", "--jobs", "1");

        assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(3);
        assertThat(ci.stderr()).contains("cannot fetch from the remote http://***@127.0.0.1:9/nowhere.git")
                .doesNotContain("pw@");
        assertThat(ci.stdout()).containsPattern("production .* no: failed")
                .containsPattern("integration\\s+all\\s+\\+7")
                .contains("4 environments compiled, 1 failed");
        // The first run made production's repository, then could not fetch: nothing is left of it.
        assertThat(workspace.resolve("out/production")).doesNotExist();
        assertThat(workspace.resolve("out/integration/.git")).isDirectory();
    }

    /**
     * A clone whose pull failed unnoticed is behind the workspace commit the remote was compiled
     * from: its ci would move the environment back a week, so it commits and pushes nothing.
     */
    @Test
    void aWorkspaceBehindTheCompileOnTheRemotePublishesNothing() {
        Path remote = GitServers.bareRepository(temp.resolve("production.git"));
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Workspaces.setRemote(workspace, "production", GitServers.fileUrl(remote));
        Checkout.write(workspace.resolve(".gitignore"), "out/\n.storyc/\n");
        commitAll(workspace, "First");
        assertThat(Storyc.run(workspace, "ci").exitCode()).isZero();
        Workspaces.changeSource(workspace, "the next week");
        commitAll(workspace, "Next");
        assertThat(Storyc.run(workspace, "ci").exitCode()).isZero();
        String published = git(remote, "rev-parse", "main");
        String next = git(workspace, "rev-parse", "HEAD");

        git(workspace, "checkout", "-q", "HEAD~1");
        Storyc.Outcome behind = Storyc.run(workspace, "ci");

        assertThat(behind.exitCode()).as(behind.toString()).isEqualTo(3);
        assertThat(behind.stderr()).contains("production: the remote holds a compile of workspace commit "
                + next).contains("git pull");
        assertThat(behind.stdout()).containsPattern("production .* no: behind");
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(published);
    }

    private static void commitAll(Path workspace, String message) {
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
    }

    @Test
    void failuresOfSeveralEnvironmentsPrintInEnvironmentOrderWhateverFinishesFirst() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Workspaces.setRemote(workspace, "production", "http://127.0.0.1:9/production.git");
        Workspaces.setRemote(workspace, "integration", "http://127.0.0.1:9/integration.git");
        Workspaces.setRemote(workspace, "acceptance-1", "http://127.0.0.1:9/acceptance-1.git");

        Storyc.Outcome first = Storyc.run(workspace, "ci", "--jobs", "2");
        Storyc.Outcome second = Storyc.run(workspace, "ci", "--jobs", "2");

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
        // Progress lines differ (the first run writes objects); the reports must not.
        String stderr = reports(first);
        assertThat(stderr.indexOf("/acceptance-1.git")).isPositive()
                .isLessThan(stderr.indexOf("/integration.git"));
        assertThat(stderr.indexOf("/integration.git")).isLessThan(stderr.indexOf("/production.git"));
        assertThat(reports(second)).isEqualTo(stderr);
    }

    private static String reports(Storyc.Outcome outcome) {
        return String.join("\n", outcome.stderr().lines()
                .filter(line -> line.startsWith("error") || line.startsWith("  = ")).toList());
    }

    @Test
    void aPushRefusedAfterTheCommitShowsTheCommitInItsRow() throws Exception {
        Path base = temp.resolve("remotes");
        Path remote = GitServers.bareRepository(base.resolve("production.git"));
        Path hook = remote.resolve("hooks/pre-receive");
        Files.writeString(hook, "#!/bin/sh\necho frozen >&2\nexit 1\n");
        hook.toFile().setExecutable(true);
        try (GitServers.Server daemon = GitServers.gitDaemon(base)) {
            Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
            Workspaces.setRemote(workspace, "production", daemon.url("production.git"));

            Storyc.Outcome ci = Storyc.run(workspace, "ci", "--jobs", "1");

            assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(3);
            String head = git(workspace.resolve("out/production"), "rev-parse", "main").strip();
            assertThat(ci.stdout()).containsPattern(
                    "production\\s+2026-W47\\s+\\+\\d+\\s+-0\\s+" + head.substring(0, 12) + "\\s+no: failed");
        }
    }

    @Test
    void projectErrorsInAnyEnvironmentStopCiBeforeAnythingIsWritten() throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("stories/patients/story.toml"), "owner = \"nobody\"\n");

        Storyc.Outcome ci = Storyc.run(workspace, "ci");

        assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(1);
        assertThat(ci.stderr()).contains("E0107");
        assertThat(workspace.resolve("out")).doesNotExist();
    }

    @Test
    void sarifPutsOnlyTheDocumentOnStdoutAndTheTableOnStderr() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path view = workspace.resolve("stories/claims/views/claims.view.lkml");
        Checkout.write(view, Checkout.read(view).replace("<% env.warehouse.schema %>.claims", "<% env.warehouse.shema %>.claims"));

        Storyc.Outcome broken = Storyc.run(workspace, "ci", "--no-push", "--format", "sarif");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.stdout()).startsWith("{").contains("\"version\": \"2.1.0\"").contains("\"ruleId\": \"E0401\"");
        assertThat(workspace.resolve("out")).doesNotExist();

        Checkout.write(view, Checkout.read(view).replace("env.warehouse.shema", "env.warehouse.schema"));
        Storyc.Outcome clean = Storyc.run(workspace, "ci", "--no-push", "--format", "json");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.stdout()).isEqualTo("[]\n");
        assertThat(clean.stderr()).contains("ENVIRONMENT").contains("production").contains("no remote");
    }
}
