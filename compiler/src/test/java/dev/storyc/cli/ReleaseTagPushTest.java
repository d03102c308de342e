package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitServers;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sealed release's {@code release/<name>} tag reaches the remote with the branch. */
class ReleaseTagPushTest {
    @TempDir
    Path temp;

    @Test
    void ciPushesTheReleaseTagWithTheBranchAndRestoresItWhenTheBranchIsUpToDate() {
        Path remote = GitServers.bareRepository(temp.resolve("remotes/production.git"));
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Workspaces.setRemote(workspace, "production", GitServers.fileUrl(remote));

        Storyc.Outcome first = Storyc.run(workspace, "ci", "--jobs", "1");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String pushed = git(remote, "rev-parse", "main");
        assertThat(git(remote, "rev-parse", "release/2026-W47^{commit}")).isEqualTo(pushed);

        git(remote, "tag", "-d", "release/2026-W47");
        Storyc.Outcome again = Storyc.run(workspace, "ci", "--jobs", "1");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).containsPattern("production\\s+2026-W47\\s+\\+0\\s+-0\\s+\\w+\\s+up to date");
        assertThat(git(remote, "tag", "--list")).isEqualTo("release/2026-W47");
        assertThat(git(remote, "rev-parse", "release/2026-W47^{commit}")).isEqualTo(pushed);
    }

    @Test
    void aLaterCompileOfTheReleaseGetsTheNextTagAndAClonesFetchNeverClobbersOne() {
        Path remote = GitServers.bareRepository(temp.resolve("remotes/production.git"));
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Workspaces.setRemote(workspace, "production", GitServers.fileUrl(remote));
        assertThat(Storyc.run(workspace, "ci", "--jobs", "1").exitCode()).isZero();
        String first = git(remote, "rev-parse", "main");
        Path clone = temp.resolve("clone");
        git(temp, "clone", "-q", remote.toString(), clone.toString());

        Workspaces.changeSource(workspace, "a second compile of the same release");
        Storyc.Outcome second = Storyc.run(workspace, "ci", "--jobs", "1");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        String next = git(remote, "rev-parse", "main");
        assertThat(next).isNotEqualTo(first);
        assertThat(git(remote, "rev-parse", "release/2026-W47^{commit}")).isEqualTo(first);
        assertThat(git(remote, "rev-parse", "release/2026-W47+2^{commit}")).isEqualTo(next);
        git(clone, "fetch", "-q", "--tags");
        assertThat(git(clone, "tag", "--list")).isEqualTo("release/2026-W47\nrelease/2026-W47+2");
        assertThat(git(clone, "rev-parse", "release/2026-W47+2^{commit}")).isEqualTo(next);
    }

    @Test
    void aRunWithoutTheOutputFolderNumbersItsTagAfterThePublishedOnesAndNeverMovesOne() throws Exception {
        Path remote = GitServers.bareRepository(temp.resolve("remotes/production.git"));
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Workspaces.setRemote(workspace, "production", GitServers.fileUrl(remote));
        assertThat(Storyc.run(workspace, "ci", "--jobs", "1").exitCode()).isZero();
        String first = git(remote, "rev-parse", "main");

        // A CI runner: a checkout of the workspace with no out/ folder, one commit later.
        Workspaces.changeSource(workspace, "a second compile of the same release");
        Checkout.deleteTree(workspace.resolve("out"));
        Storyc.Outcome fresh = Storyc.run(workspace, "ci", "--jobs", "1");

        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        String next = git(remote, "rev-parse", "main");
        assertThat(next).isNotEqualTo(first);
        assertThat(git(remote, "rev-parse", "release/2026-W47^{commit}")).isEqualTo(first);
        assertThat(git(remote, "rev-parse", "release/2026-W47+2^{commit}")).isEqualTo(next);

        // Another run that tags the same name elsewhere is refused, with a warning, not obeyed.
        Path output = workspace.resolve("out/production");
        git(output, "tag", "-d", "release/2026-W47");
        git(output, "tag", "release/2026-W47", "main");
        Workspaces.changeSource(workspace, "a third compile");
        Storyc.Outcome clash = Storyc.run(workspace, "ci", "--jobs", "1");
        assertThat(clash.exitCode()).as(clash.toString()).isZero();
        assertThat(clash.stderr()).contains("the remote already has tag release/2026-W47 on another commit, and tags never move");
        assertThat(git(remote, "rev-parse", "release/2026-W47^{commit}")).isEqualTo(first);
    }
}
