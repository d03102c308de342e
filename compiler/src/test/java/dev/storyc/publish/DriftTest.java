package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.GitServers;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits on the remote that storyc did not make are reported and never overwritten. */
class DriftTest {
    @TempDir
    Path temp;
    Path remote;
    Path workspace;

    @BeforeEach
    void pushOnce() {
        remote = GitServers.bareRepository(temp.resolve("remotes/production.git"));
        workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Workspaces.setRemote(workspace, "production", GitServers.fileUrl(remote));
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        assertThat(Storyc.run(workspace, "push", "--env", "production").exitCode()).isZero();
    }

    @Test
    void aHandMadeCommitOnTheRemoteIsReportedAndNothingIsOverwritten() {
        String handMade = commitByHand("Fix the connection by hand");
        Workspaces.changeSource(workspace, "next compile");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();

        Storyc.Outcome push = Storyc.run(workspace, "push", "--env", "production");

        assertThat(push.exitCode()).as(push.toString()).isEqualTo(3);
        assertThat(push.stderr()).contains("drift in `production`'s remote")
                .contains("commits on the remote branch carry no storyc trailers")
                .contains(handMade.substring(0, 12))
                .contains("Jane Analyst <jane@example.com>")
                .contains("\"Fix the connection by hand\"")
                .contains("nothing was pushed and the remote is untouched")
                .contains("--adopt-drift");
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(handMade);
    }

    @Test
    void adoptDriftBuildsTheNextCommitOnTopOfIt() {
        String handMade = commitByHand("Hotfix in production");
        Workspaces.changeSource(workspace, "next compile");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();

        Storyc.Outcome push = Storyc.run(workspace, "push", "--env", "production", "--adopt-drift");

        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(git(remote, "rev-parse", "main^")).isEqualTo(handMade);
        assertThat(git(remote, "rev-parse", "main^{tree}"))
                .isEqualTo(git(workspace.resolve("out/production"), "rev-parse", "main^{tree}"));
        assertThat(GitCli.run(remote, "fsck", "--full", "--strict").exitCode()).isZero();

        Workspaces.changeSource(workspace, "a compile after adopting");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Storyc.Outcome next = Storyc.run(workspace, "push", "--env", "production");
        assertThat(next.exitCode()).as("adopted drift is not reported again: " + next).isZero();
    }

    @Test
    void aRewrittenRemoteHistoryIsDriftEvenWithStorycTrailers() {
        Path clone = temp.resolve("clone");
        git(temp, "clone", "--quiet", GitServers.fileUrl(remote), clone.toString());
        String message = git(clone, "log", "-1", "--format=%B");
        git(clone, "checkout", "--quiet", "--orphan", "rewritten");
        git(clone, "-c", "user.name=Mallory", "-c", "user.email=m@example.com", "commit", "--quiet", "-m", message);
        git(clone, "push", "--quiet", "--force", "origin", "rewritten:main");
        String rewritten = git(remote, "rev-parse", "main");

        Storyc.Outcome push = Storyc.run(workspace, "push", "--env", "production");

        assertThat(push.exitCode()).as(push.toString()).isEqualTo(3);
        assertThat(push.stderr()).contains("its history was rewritten").contains(rewritten.substring(0, 12))
                .contains("someone reset or force-pushed the remote branch")
                .doesNotContain("a commit it did not make");
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(rewritten);
    }

    @Test
    void ciReportsDriftWithExit3AndLeavesTheRemoteAlone() {
        String handMade = commitByHand("Manual change");
        Workspaces.changeSource(workspace, "ci compile");

        Storyc.Outcome ci = Storyc.run(workspace, "ci", "--jobs", "2");

        assertThat(ci.exitCode()).as(ci.toString()).isEqualTo(3);
        assertThat(ci.stderr()).contains(handMade.substring(0, 12)).contains("Manual change");
        assertThat(ci.stdout()).containsPattern("production\\s+2026-W47 .* no: drift");
        assertThat(git(remote, "rev-parse", "main")).isEqualTo(handMade);
    }

    private String commitByHand(String subject) {
        Path clone = temp.resolve("hand-" + subject.hashCode());
        git(temp, "clone", "--quiet", GitServers.fileUrl(remote), clone.toString());
        Checkout.write(clone.resolve("manifest.lkml"), "project_name: \"edited_by_hand\"\n");
        git(clone, "-c", "user.name=Jane Analyst", "-c", "user.email=jane@example.com", "commit", "--quiet", "-am",
                subject);
        git(clone, "push", "--quiet", "origin", "main");
        return git(clone, "rev-parse", "HEAD");
    }
}
