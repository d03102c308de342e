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

    /**
     * A compile made in an {@code out/} that is behind the remote carries that older head's
     * history: pushed as it is on the newer head, a story the remote had backed out lost its
     * pending revert for good. The push refuses instead, and {@code ci} compiles again on the
     * remote's head, which keeps it.
     */
    @Test
    void aCompileFromAStaleOutputIsRefusedWhereItWouldDropAPendingRevertAndCiRedoesIt() {
        Path remote = GitServers.bareRepository(temp.resolve("remote.git"));
        Path a = Checkout.copyExampleWorkspace(temp.resolve("a"));
        Path b = Checkout.copyExampleWorkspace(temp.resolve("b"));
        Workspaces.setRemote(a, "integration", GitServers.fileUrl(remote));
        Workspaces.setRemote(b, "integration", GitServers.fileUrl(remote));
        Checkout.deleteTree(b.resolve("stories/medication-adherence"));
        assertThat(Storyc.run(b, "compile", "-e", "integration").exitCode()).isZero();
        assertThat(Storyc.run(b, "push", "-e", "integration").exitCode()).isZero();
        assertThat(Storyc.run(a, "compile", "-e", "integration").exitCode()).isZero();
        assertThat(Storyc.run(a, "push", "-e", "integration").exitCode()).isZero();
        Checkout.deleteTree(a.resolve("stories/medication-adherence"));
        assertThat(Storyc.run(a, "compile", "-e", "integration").exitCode()).isZero();
        assertThat(Storyc.run(a, "push", "-e", "integration").exitCode()).isZero();
        String backedOut = git(remote, "rev-parse", "main");
        assertThat(git(remote, "show", "main:warehouse/plan.toml")).contains("story = \"medication-adherence\"");

        Workspaces.changeSource(b, "b, later");
        assertThat(Storyc.run(b, "compile", "-e", "integration").exitCode()).isZero();
        Storyc.Outcome stale = Storyc.run(b, "push", "-e", "integration");

        assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(3);
        assertThat(stale.stderr()).contains("holds the schema changes of medication-adherence, which that compile never saw")
                .contains("storyc ci");
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(backedOut);

        Storyc.Outcome ci = Storyc.run(b, "ci");
        assertThat(ci.exitCode()).as(ci.toString()).isZero();
        assertThat(git(remote, "rev-parse", "main^")).isEqualTo(backedOut);
        assertThat(git(remote, "show", "main:warehouse/plan.toml")).contains("[[pending_revert]]")
                .contains("story = \"medication-adherence\"");
        assertThat(git(remote, "ls-tree", "-r", "--name-only", "main")).contains("warehouse/pending-reverts/medication-adherence/");
    }

    private Path workspace(String name, Path remote, String marker) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve(name));
        Workspaces.setRemote(workspace, "production", GitServers.fileUrl(remote));
        Workspaces.changeSource(workspace, marker);
        return workspace;
    }
}
