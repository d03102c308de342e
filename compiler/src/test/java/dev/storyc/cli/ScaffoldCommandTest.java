package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monday morning: a new workspace and new stories that are green from the first command. */
class ScaffoldCommandTest {
    @TempDir
    Path temp;

    @Test
    void initThenStoryNewThenReleaseIsGreenAtEveryStep() {
        Path workspace = temp.resolve("acme");
        Storyc.Outcome init = Storyc.runRaw(Map.of(), "init", workspace.toString(), "--developer", "Alice");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.stdout()).contains("project acme, developer alice");
        assertThat(Checkout.read(workspace.resolve(".gitignore"))).isEqualTo("out/\n");
        assertThat(Checkout.read(workspace.resolve("storyc.toml"))).contains("developer = \"alice\"");
        assertThat(ok(workspace, "check", "--all").stdout()).contains("ok  dev-alice").contains("ok  production");

        ok(workspace, "story", "new", "lab-results", "--title", "Lab results");
        ok(workspace, "story", "new", "lab-panels", "--requires", "lab-results");
        assertThat(ok(workspace, "check", "--all").stdout()).contains("ok  dev-alice        all        2 stories");
        assertThat(ok(workspace, "compile").stdout()).contains("committed dev-alice");

        String release = workspace.resolve("releases").toFile().list()[0].replace(".toml", "");
        ok(workspace, "release", "add", release, "lab-results", "lab-panels");
        Storyc.Outcome unsealed = Storyc.run(workspace, "check", "--env", "production");
        assertThat(unsealed.exitCode()).isEqualTo(1);
        assertThat(unsealed.stderr()).contains("error[E0310]");

        git(workspace, "init", "-q");
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first stories");
        ok(workspace, "release", "seal", release);
        assertThat(ok(workspace, "compile", "--all").stdout()).contains("committed production");
        assertThat(git(workspace.resolve("out/production"), "ls-tree", "-r", "--name-only", "main"))
                .contains("views/lab-panels/lab_panels.view.lkml", "warehouse/lab-results/base/deploy.sql",
                        "warehouse/lab-panels/base/deploy.sql", "etl/lab-results/load_lab_results.sql");
    }

    @Test
    void initRefusesAFolderThatIsNotEmpty() {
        Checkout.write(temp.resolve("busy/notes.txt"), "mine\n");
        Storyc.Outcome outcome = Storyc.runRaw(Map.of(), "init", temp.resolve("busy").toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("is not empty; nothing was written");
        assertThat(temp.resolve("busy").toFile().list()).containsExactly("notes.txt");
    }

    @Test
    void storyNewRefusesBadIdsExistingStoriesAndUnknownRequirements() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        assertThat(Storyc.run(workspace, "story", "new", "Lab_Results").stderr()).contains("is not a story id");
        assertThat(Storyc.run(workspace, "story", "new", "claims").stderr()).contains("story `claims` already exists");
        Storyc.Outcome unknown = Storyc.run(workspace, "story", "new", "lab", "--requires", "patiens");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("story `patiens` does not exist").contains("did you mean `patients`?");
        assertThat(workspace.resolve("stories/lab")).doesNotExist();
    }

    @Test
    void storyShowListsWhatAStoryIsAndWhereItGoes() {
        Storyc.Outcome outcome = Storyc.run(Checkout.root(), "story", "show", "encounters");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).startsWith("story encounters: Encounters")
                .contains("  requires  patients\n")
                .contains("  required  care-gaps, claims, research-extract\n")
                .containsPattern("releases  2026-W47 \\(pinned [0-9a-f]{10}\\), 2026-W48")
                .contains("    view           views/encounters.view.lkml");
    }

    private static Storyc.Outcome ok(Path workspace, String... args) {
        Storyc.Outcome outcome = Storyc.run(workspace, args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
        return outcome;
    }
}
