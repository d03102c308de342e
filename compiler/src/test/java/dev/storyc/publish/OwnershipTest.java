package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * storyc knows its own output repositories: by the marker it writes when it creates one, or, for
 * one an earlier storyc made, by a head commit only storyc writes.
 */
class OwnershipTest {
    @TempDir Path temp;

    @Test
    void aNewRepositoryIsMarked() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        assertThat(workspace.resolve("out/production/.git/" + OwnershipMarker.FILE)).isRegularFile();
    }

    @Test
    void aRepositoryAnEarlierStorycMadeIsRecognisedAndMarked() throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Path marker = workspace.resolve("out/production/.git/" + OwnershipMarker.FILE);
        Files.delete(marker);
        Workspaces.changeSource(workspace, "next week");

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(marker).isRegularFile();
        assertThat(git(workspace.resolve("out/production"), "rev-list", "--count", "main"))
                .isEqualTo("2");
    }

    @Test
    void aLookAlikeWithoutStorycsTrailerIsRefused() throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path repository = workspace.resolve("out/production");
        Checkout.write(repository.resolve("storyc.lock"), "copied by hand\n");
        git(repository, "init", "-q");
        git(repository, "add", "-A");
        git(repository, "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qm", "by hand");

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isEqualTo(1);
        assertThat(compile.stderr())
                .contains("error[E0710]")
                .contains("holds a git repository that storyc did not create");
        assertThat(git(repository, "rev-list", "--count", "HEAD")).isEqualTo("1");
        assertThat(repository.resolve(".git/" + OwnershipMarker.FILE)).doesNotExist();
    }
}
