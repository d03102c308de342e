package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@code storyc check} warns, with no database, when a change a sealed release pins was edited. */
class PinnedChangeEditsTest {
    @TempDir Path workspace;

    @Test
    void editingAPinnedChangeWarnsAndAddingAChangeDoesNot() {
        Checkout.copyExampleWorkspace(workspace);
        commit("Start");
        assertThat(Storyc.run(workspace, "check", "--env", "production").stderr())
                .doesNotContain("E0804");

        Path deploy = workspace.resolve("stories/patients/schema/deploy.sql");
        Checkout.write(
                deploy,
                Checkout.read(deploy).replace("state           CHAR(2),", "state CHAR(2), x INT,"));
        Storyc.Outcome edited = Storyc.run(workspace, "check", "--env", "production");
        assertThat(edited.exitCode()).as(edited.toString()).isZero();
        assertThat(edited.stderr())
                .contains(
                        "warning[E0804]: change `patients/base` is pinned by sealed release"
                                + " 2026-W47 and has been edited since")
                .contains("--> stories/patients/schema/deploy.sql:12:1")
                .contains("stories/patients/schema/changes/NN-name/deploy.sql");
        // The developer's pre-commit check compiles dev-alice alone, and warns the same.
        Storyc.Outcome developer = Storyc.run(workspace, "-D", "developer=alice", "check");
        assertThat(developer.exitCode()).as(developer.toString()).isZero();
        assertThat(developer.stderr()).containsOnlyOnce("warning[E0804]: change `patients/base` is pinned by sealed"
                + " release 2026-W47 and has been edited since");
        assertThat(Storyc.run(workspace, "check", "--all").stderr()).containsOnlyOnce("warning[E0804]");

        git(workspace, "checkout", "--", "stories/patients/schema/deploy.sql");
        Checkout.write(
                workspace.resolve("stories/patients/schema/changes/01-add-x/deploy.sql"),
                "ALTER TABLE <% env.warehouse.schema %>.patients ADD COLUMN x INT;\n");
        Checkout.write(
                workspace.resolve("stories/patients/schema/changes/01-add-x/revert.sql"),
                "ALTER TABLE <% env.warehouse.schema %>.patients DROP COLUMN x;\n");
        Storyc.Outcome added =
                Storyc.run(workspace, "check", "--env", "production", "--env", "integration");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.stderr()).doesNotContain("E0804");
    }

    private void commit(String message) {
        git(workspace, "add", "-A");
        git(
                workspace,
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "commit",
                "-q",
                "-m",
                message);
    }
}
