package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output repository's working tree always shows its branch: files come, change and go with it. */
class WorkingTreeTest {
    @TempDir
    Path temp;

    @Test
    void aStoryThatLeavesTakesItsFilesAndFoldersWithIt() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/integration");
        assertThat(Storyc.run(workspace, "compile", "--env", "integration").exitCode()).isZero();
        assertThat(out.resolve("views/medication-adherence")).isDirectory();

        Checkout.deleteTree(workspace.resolve("stories/medication-adherence"));
        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "integration");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(out.resolve("views/medication-adherence")).doesNotExist();
        assertThat(out.resolve("etl/medication-adherence")).doesNotExist();
        assertThat(git(out, "status", "--porcelain", "--untracked-files=all")).isEmpty();
    }

    @Test
    void aFileEditedByHandIsRestoredByTheNextCommit() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/production");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Checkout.write(out.resolve("manifest.lkml"), "edited by hand\n");

        Workspaces.changeSource(workspace, "next");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();

        assertThat(git(out, "status", "--porcelain")).isEmpty();
        assertThat(Checkout.read(out.resolve("manifest.lkml"))).isEqualTo(git(out, "show", "main:manifest.lkml") + "\n");
    }

    @Test
    void aLinkLeftWhereAFileBelongsIsReplacedNeverFollowed() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/production");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Path elsewhere = Checkout.write(temp.resolve("elsewhere.txt"), "not storyc's\n");
        Files.delete(out.resolve("manifest.lkml"));
        Files.createSymbolicLink(out.resolve("manifest.lkml"), elsewhere);

        Workspaces.changeSource(workspace, "next");
        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(Checkout.read(elsewhere)).isEqualTo("not storyc's\n");
        assertThat(Files.isSymbolicLink(out.resolve("manifest.lkml"))).isFalse();
        assertThat(git(out, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aLinkLeftWhereAFolderBelongsIsNeitherWrittenNorDeletedThrough() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/integration");
        assertThat(Storyc.run(workspace, "compile", "--env", "integration").exitCode()).isZero();
        Path written = Files.createDirectories(temp.resolve("outside/written"));
        Path deleted = Files.createDirectories(temp.resolve("outside/deleted"));
        Checkout.write(deleted.resolve("medication_pdc.view.lkml"), "not storyc's\n");
        for (String[] link : new String[][] {{"views/encounters", written.toString()},
                {"views/medication-adherence", deleted.toString()}}) {
            Checkout.deleteTree(out.resolve(link[0]));
            Files.createSymbolicLink(out.resolve(link[0]), Path.of(link[1]));
        }

        // A story's view changes, and another story leaves the environment.
        Path view = workspace.resolve("stories/encounters/views/encounters.view.lkml");
        Checkout.write(view, Checkout.read(view) + "# changed\n");
        Checkout.deleteTree(workspace.resolve("stories/medication-adherence"));
        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "integration");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        try (var listed = Files.list(written)) {
            assertThat(listed).as("nothing written outside").isEmpty();
        }
        assertThat(Checkout.read(deleted.resolve("medication_pdc.view.lkml"))).isEqualTo("not storyc's\n");
        assertThat(Files.isSymbolicLink(out.resolve("views/encounters"))).isFalse();
        assertThat(Files.exists(out.resolve("views/medication-adherence"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(git(out, "status", "--porcelain", "--untracked-files=all")).isEmpty();
    }

    @Test
    void aFileWhereAFolderBelongsAndAFolderWhereAFileBelongsAreReplaced() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/production");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Checkout.deleteTree(out.resolve("views/patients"));
        Checkout.write(out.resolve("views/patients"), "a file where a folder was\n");
        Files.delete(out.resolve("manifest.lkml"));
        Checkout.write(out.resolve("manifest.lkml/inside.txt"), "a folder where a file was\n");

        Workspaces.changeSource(workspace, "next");
        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(git(out, "status", "--porcelain", "--untracked-files=all")).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"junk\n", "DIRC"})
    void aDamagedIndexIsWrittenAgainNotFailedOnForever(String junk) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/production");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Files.writeString(out.resolve(".git/index"), junk);

        Workspaces.changeSource(workspace, "next");
        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        assertThat(compile.stderr()).contains("the index of `").contains("was damaged");
        assertThat(git(out, "status", "--porcelain", "--untracked-files=all")).isEmpty();
    }

    @Test
    void anUnchangedFileIsNotWrittenAgain() throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/production");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Path readme = out.resolve("README.md");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(readme);
        Object inode = Files.readAttributes(readme,
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        Workspaces.changeSource(workspace, "next");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();

        assertThat(git(out, "diff", "--stat", "HEAD~1", "HEAD", "--", "README.md")).isEmpty();
        assertThat(Files.getLastModifiedTime(readme)).isEqualTo(before);
        assertThat(Files.readAttributes(readme,
                java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    }

    @Test
    void aRunKilledBeforeTheRefreshIsRepairedByTheNext() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/production");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        Checkout.write(out.resolve(".git/" + OutputRepository.REFRESH_PENDING), "whatever\n");
        Checkout.write(out.resolve("manifest.lkml"), "half written");

        Storyc.Outcome again = Storyc.run(workspace, "compile", "--env", "production");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stderr()).contains("reset the working tree of").contains("an earlier run was interrupted");
        assertThat(git(out, "status", "--porcelain")).isEmpty();
        assertThat(out.resolve(".git/" + OutputRepository.REFRESH_PENDING)).doesNotExist();
    }

    @Test
    void aBranchMoveThatFailsLeavesNoMarkerToReportAsAnInterruptionNextTime() throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/production");
        assertThat(Storyc.run(workspace, "compile", "--env", "production").exitCode()).isZero();
        org.eclipse.jgit.lib.ObjectId head = org.eclipse.jgit.lib.ObjectId.fromString(git(out, "rev-parse", "main"));
        org.eclipse.jgit.lib.ObjectId parentless = org.eclipse.jgit.lib.ObjectId.fromString(
                git(out, "commit-tree", "-m", "elsewhere", "main^{tree}"));

        try (OutputRepository repository = OutputRepository.openExisting(out, "main", Progress.silent())) {
            // As if another run had moved the branch since this one read it: the swap fails.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.moveBranchAndRefresh(
                            parentless, parentless, () -> true, "test", false))
                    .isInstanceOf(PublishException.class)
                    .hasMessageContaining("moved while storyc was writing it");
        }

        assertThat(out.resolve(".git/" + OutputRepository.REFRESH_PENDING)).doesNotExist();
        Workspaces.changeSource(workspace, "next");
        Storyc.Outcome next = Storyc.run(workspace, "compile", "--env", "production");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.stderr()).doesNotContain("interrupted");
    }
}
