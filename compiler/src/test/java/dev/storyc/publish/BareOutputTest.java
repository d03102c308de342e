package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output repository may keep no working tree (CI, push-only environments): the same commits,
 * only the files nobody reads are gone; switching either way loses nothing and keeps ownership.
 */
class BareOutputTest {
    @TempDir Path temp;

    @Test
    void noWorkingTreeKeepsOnlyTheGitFolderWithTheSameTree() {
        Path bare = Checkout.copyExampleWorkspace(temp.resolve("bare"));
        Path full = Checkout.copyExampleWorkspace(temp.resolve("full"));

        Storyc.Outcome compile = Storyc.run(bare, "compile", "--env", "integration",
                "--no-working-tree");
        assertThat(Storyc.run(full, "compile", "--env", "integration").exitCode()).isZero();

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        Path out = bare.resolve("out/integration");
        assertThat(entries(out)).containsExactly(".git");
        assertThat(git(out, "config", "core.bare")).isEqualTo("true");
        assertThat(out.resolve(".git/" + OwnershipMarker.FILE)).isRegularFile();
        assertThat(git(out, "rev-parse", "main^{tree}"))
                .isEqualTo(git(full.resolve("out/integration"), "rev-parse", "main^{tree}"));
        assertThat(git(out, "fsck", "--strict")).doesNotContain("error");
    }

    @Test
    void theEnvironmentSettingMakesItBareAndTheFlagOverridesIt() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("environments.toml"),
                "\n[environments.integration.output]\nworking_tree = false\n",
                StandardOpenOption.APPEND);
        Path out = workspace.resolve("out/integration");

        assertThat(Storyc.run(workspace, "compile", "--env", "integration").exitCode()).isZero();
        assertThat(entries(out)).containsExactly(".git");

        Storyc.Outcome kept = Storyc.run(workspace, "compile", "--env", "integration",
                "--working-tree");
        assertThat(kept.exitCode()).as(kept.toString()).isZero();
        assertThat(kept.stderr()).contains("checked `main` out into");
        assertThat(out.resolve("storyc.lock")).isRegularFile();
        assertThat(git(out, "status", "--porcelain", "--untracked-files=all")).isEmpty();
    }

    @Test
    void switchingToBareAndBackLosesNothingAndStaysOwned() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/integration");
        assertThat(Storyc.run(workspace, "compile", "--env", "integration").exitCode()).isZero();
        String head = git(out, "rev-parse", "main");
        Checkout.write(out.resolve("manifest.lkml"), "edited by hand\n");
        Checkout.write(out.resolve("notes.txt"), "a person's own file\n");

        Storyc.Outcome bare = Storyc.run(workspace, "compile", "--env", "integration",
                "--no-working-tree");

        assertThat(bare.exitCode()).as(bare.toString()).isZero();
        assertThat(bare.stderr()).contains("1 file changed by hand stayed where it was");
        assertThat(entries(out)).containsExactly(".git", "manifest.lkml", "notes.txt");
        assertThat(Checkout.read(out.resolve("manifest.lkml"))).isEqualTo("edited by hand\n");
        assertThat(out.resolve(".git/index")).doesNotExist();
        assertThat(out.resolve(".git/" + WorkingTree.REFRESH_PENDING)).doesNotExist();
        assertThat(git(out, "rev-parse", "main")).isEqualTo(head);

        Storyc.Outcome back = Storyc.run(workspace, "compile", "--env", "integration");

        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(git(out, "config", "core.bare")).isEqualTo("false");
        assertThat(git(out, "status", "--porcelain")).isEqualTo("?? notes.txt");
        assertThat(Checkout.read(out.resolve("notes.txt"))).isEqualTo("a person's own file\n");
        assertThat(out.resolve(".git/" + OwnershipMarker.FILE)).isRegularFile();
        assertThat(git(out, "rev-parse", "main")).isEqualTo(head);
    }

    @Test
    void aSwitchKilledHalfWayIsFinishedByTheNextRunEitherWay() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/integration");
        assertThat(Storyc.run(workspace, "compile", "--env", "integration").exitCode()).isZero();
        // Killed while removing the working tree: the marker is written, some files are gone,
        // the repository is not yet bare.
        Checkout.write(out.resolve(".git/" + WorkingTree.REFRESH_PENDING), "bare\n");
        Files.delete(out.resolve("storyc.lock"));

        Storyc.Outcome repaired = Storyc.run(workspace, "compile", "--env", "integration");
        assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
        assertThat(git(out, "status", "--porcelain")).isEmpty();

        // Killed after the repository was marked as having a working tree again, before checkout.
        assertThat(Storyc.run(workspace, "compile", "--env", "integration", "--no-working-tree")
                .exitCode()).isZero();
        git(out, "config", "core.bare", "false");
        Checkout.write(out.resolve(".git/" + WorkingTree.REFRESH_PENDING), "working tree\n");

        Storyc.Outcome finished = Storyc.run(workspace, "compile", "--env", "integration");
        assertThat(finished.exitCode()).as(finished.toString()).isZero();
        assertThat(out.resolve("storyc.lock")).isRegularFile();
        assertThat(git(out, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aBareRepositoryStorycDidNotMakeIsRefusedAndUntouched() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/integration");
        git(workspace, "init", "-q", "--bare", out.toString());
        TreeSnapshot before = TreeSnapshot.of(out);

        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "integration",
                "--no-working-tree");

        assertThat(compile.exitCode()).as(compile.toString()).isEqualTo(1);
        assertThat(compile.stderr()).contains("error[E0710]")
                .contains("holds a bare git repository that storyc did not create");
        assertThat(TreeSnapshot.of(out)).isEqualTo(before);
    }

    private static java.util.List<String> entries(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
