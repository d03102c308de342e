package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing pins stories to git trees; sealed releases compile from those trees, not the working tree. */
class SealedReleaseTest {
    @TempDir
    Path workspace;

    @BeforeEach
    void committedWorkspace() {
        Checkout.copyExampleWorkspace(workspace);
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "workspace");
    }

    @Test
    void sealPinsEachStoryToItsTreeAtHead() {
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "seal", "2026-W48");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        String manifest = Checkout.read(workspace.resolve("releases/2026-W48.toml"));
        for (String story : new String[] {"patients", "encounters", "claims", "appointments", "care-gaps",
                "research-extract"}) {
            assertThat(manifest).contains(story + " = \"" + git(workspace, "rev-parse", "HEAD:stories/" + story) + "\"");
        }
        assertThat(manifest).startsWith(Checkout.read(Checkout.root().resolve("releases/2026-W48.toml")));
    }

    @Test
    void sealRefusesUncommittedChangesAndWritesNothing() throws Exception {
        Path view = workspace.resolve("stories/claims/views/claims.view.lkml");
        Files.writeString(view, Files.readString(view) + "# wip\n");
        String before = Checkout.read(workspace.resolve("releases/2026-W48.toml"));
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "seal", "2026-W48");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("error[E0312]: cannot seal: `claims` has uncommitted changes in stories/claims/views/claims.view.lkml")
                .contains("--> releases/2026-W48.toml:5:3");
        assertThat(Checkout.read(workspace.resolve("releases/2026-W48.toml"))).isEqualTo(before);
    }

    @Test
    void sealRefusesAFileGitIgnoresButACompileWouldReadAndSkipsDotfilesAsTheLoaderDoes() throws Exception {
        Checkout.write(workspace.resolve(".gitignore"), "out/\n.storyc/\nlocal.view.lkml\n.DS_Store\n");
        git(workspace, "add", ".gitignore");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "ignore");
        Checkout.write(workspace.resolve("stories/claims/.DS_Store"), "finder\n");
        Checkout.write(workspace.resolve("stories/claims/.notes.md"), "untracked, and skipped by the loader\n");
        Checkout.write(workspace.resolve("stories/claims/views/local.view.lkml"), "view: local {}\n");
        String before = Checkout.read(workspace.resolve("releases/2026-W48.toml"));

        Storyc.Outcome outcome = Storyc.run(workspace, "release", "seal", "2026-W48");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("error[E0312]: cannot seal: `claims` holds files git ignores, which a compile reads but a"
                        + " pin leaves out: stories/claims/views/local.view.lkml")
                .doesNotContain(".DS_Store").doesNotContain(".notes.md");
        assertThat(Checkout.read(workspace.resolve("releases/2026-W48.toml"))).isEqualTo(before);

        Files.delete(workspace.resolve("stories/claims/views/local.view.lkml"));
        Storyc.Outcome sealed = Storyc.run(workspace, "release", "seal", "2026-W48");
        assertThat(sealed.exitCode()).as(sealed.toString()).isZero();
    }

    @Test
    void aSealedReleaseCompilesThePinnedTreesWhileMainMovesOn() throws Exception {
        assertThat(Storyc.run(workspace, "compile", "--env", "production", "--env", "integration").exitCode()).isZero();
        String production = git(workspace.resolve("out/production"), "rev-parse", "main");
        Path view = workspace.resolve("stories/claims/views/claims.view.lkml");
        Files.writeString(view, Files.readString(view).replace("view: claims {", "view: claims {\n  # moved on"));
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "main moves on");

        Storyc.Outcome outcome = Storyc.run(workspace, "compile", "--env", "production", "--env", "integration");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(git(workspace.resolve("out/production"), "rev-parse", "main")).isEqualTo(production);
        assertThat(git(workspace.resolve("out/integration"), "show", "main:views/claims/claims.view.lkml"))
                .contains("# moved on");
        assertThat(git(workspace.resolve("out/production"), "show", "main:views/claims/claims.view.lkml"))
                .doesNotContain("# moved on");
    }

    @Test
    void aMissingPinnedTreeIsAnErrorAtThePinLine() {
        Path manifest = workspace.resolve("releases/2026-W47.toml");
        String text = Checkout.read(manifest);
        String claimsPin = text.substring(text.indexOf("claims = \"") + 10, text.indexOf("claims = \"") + 50);
        Checkout.write(manifest, text.replace(claimsPin, "0123456789abcdef0123456789abcdef01234567"));
        Storyc.Outcome outcome = Storyc.run(workspace, "compile", "--env", "production");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("error[E0309]: release `2026-W47` pins `claims` to tree 0123456789abcdef0123456789abcdef01234567,"
                        + " which this repository does not have")
                .contains("--> releases/2026-W47.toml:13:1");
        assertThat(workspace.resolve("out")).doesNotExist();
    }

    @Test
    void aProtectedEnvironmentRefusesAnUnsealedRelease() {
        Path environments = workspace.resolve("environments.toml");
        Checkout.write(environments, Checkout.read(environments).replace("release = \"2026-W47\"", "release = \"2026-W48\""));
        Storyc.Outcome outcome = Storyc.run(workspace, "check", "--env", "production");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains(
                "error[E0310]: protected environment `production` uses release `2026-W48`, which is not sealed")
                .contains("storyc release seal 2026-W48");
        Checkout.write(environments, Checkout.read(environments).replace("release = \"2026-W48\"", "release = \"all\""));
        assertThat(Storyc.run(workspace, "check", "--env", "production").stderr())
                .contains("protected environment `production` cannot take `release = \"all\"`");
    }
}
