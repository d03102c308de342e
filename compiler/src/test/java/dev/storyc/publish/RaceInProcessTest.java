package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitServers;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two workspaces push to one remote in turn: the second push is rebuilt, never forced or lost. */
class RaceInProcessTest {
    @TempDir
    Path temp;

    @Test
    void theLaterPushIsRebuiltOnTheNewRemoteHead() {
        Path remote = GitServers.bareRepository(temp.resolve("remote.git"));
        Path a = workspace("a", remote, "state a");
        Path b = workspace("b", remote, "state b");
        assertThat(Storyc.run(a, "compile", "--env", "production").exitCode()).isZero();
        assertThat(Storyc.run(b, "compile", "--env", "production").exitCode()).isZero();
        String treeA = git(a.resolve("out/production"), "rev-parse", "main^{tree}");
        String treeB = git(b.resolve("out/production"), "rev-parse", "main^{tree}");

        assertThat(Storyc.run(a, "push", "--env", "production").exitCode()).isZero();
        Storyc.Outcome second = Storyc.run(b, "push", "--env", "production");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).contains("rebuilt on the remote's newer head");
        assertThat(git(remote, "log", "--format=%T", "main").lines().toList()).containsExactly(treeB, treeA);
        assertThat(git(remote, "log", "-1", "--format=%(trailers:key=Storyc-Release,valueonly)", "main"))
                .isEqualTo("2026-W47");
        assertThat(git(b.resolve("out/production"), "rev-parse", "main")).isEqualTo(git(remote, "rev-parse", "main"));
        assertThat(git(b.resolve("out/production"), "status", "--porcelain")).isEmpty();
    }

    @Test
    void theSameCompilePushedTwiceIsOneCommit() {
        Path remote = GitServers.bareRepository(temp.resolve("remote.git"));
        Path a = workspace("a", remote, "same");
        Path b = workspace("b", remote, "same");
        assertThat(Storyc.run(a, "compile", "--env", "production").exitCode()).isZero();
        assertThat(Storyc.run(b, "compile", "--env", "production").exitCode()).isZero();

        assertThat(Storyc.run(a, "push", "--env", "production").exitCode()).isZero();
        Storyc.Outcome second = Storyc.run(b, "push", "--env", "production");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout()).contains("up-to-date production");
        assertThat(git(remote, "rev-list", "--count", "main")).isEqualTo("1");
    }

    @Test
    void ciStartsFromTheRemoteSoItsSummaryAndHistoryContinueIt() {
        Path remote = GitServers.bareRepository(temp.resolve("remote.git"));
        Path a = workspace("a", remote, "first");
        assertThat(Storyc.run(a, "ci").exitCode()).isZero();
        Path fresh = workspace("fresh", remote, "first");

        Storyc.Outcome unchanged = Storyc.run(fresh, "ci");

        assertThat(unchanged.exitCode()).as(unchanged.toString()).isZero();
        assertThat(unchanged.stdout()).containsPattern("production\\s+2026-W47\\s+\\+0\\s+-0 .* up to date");
        assertThat(git(remote, "rev-list", "--count", "main")).isEqualTo("1");
        assertThat(List.of(git(fresh.resolve("out/production"), "rev-parse", "main")))
                .containsExactly(git(remote, "rev-parse", "main"));
    }

    private Path workspace(String name, Path remote, String marker) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve(name));
        Workspaces.setRemote(workspace, "production", GitServers.fileUrl(remote));
        Workspaces.changeSource(workspace, marker);
        return workspace;
    }
}
