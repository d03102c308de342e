package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import dev.storyc.workspace.WorkspaceDiscovery;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the workspace from a subfolder, as git and dbt do, and what --project may name. */
class WorkspaceDiscoveryTest {
    @TempDir
    Path temp;

    @Test
    void findsTheNearestFolderWithAnEnvironmentsFileUpwards() {
        Path outer = temp.resolve("outer");
        Checkout.write(outer.resolve("environments.toml"), "");
        Checkout.write(outer.resolve("inner/environments.toml"), "");
        Checkout.write(outer.resolve("inner/stories/x/views/keep.txt"), "");
        assertThat(WorkspaceDiscovery.find(outer.resolve("inner/stories/x/views"))).contains(outer.resolve("inner"));
        assertThat(WorkspaceDiscovery.find(outer.resolve("inner"))).contains(outer.resolve("inner"));
        assertThat(WorkspaceDiscovery.find(outer.resolve("inner/.."))).contains(outer);
    }

    @Test
    void aCommandRunFromAStoryFolderUsesTheWorkspaceAbove() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Storyc.Outcome fromViews = Storyc.runIn(workspace.resolve("stories/claims/views"), Map.of(),
                "--color", "never", "story", "list");
        assertThat(fromViews.exitCode()).as(fromViews.toString()).isZero();
        assertThat(fromViews.stdout()).contains("claims").contains("patients");
        Storyc.Outcome verbose = Storyc.runIn(workspace.resolve("stories"), Map.of(), "-v", "env", "list");
        assertThat(verbose.stderr()).contains("workspace " + workspace.toAbsolutePath().normalize() + ":");
    }

    @Test
    void projectOverridesDiscoveryAndIsResolvedAgainstTheWorkingFolder() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Checkout.write(temp.resolve("other/environments.toml"), "this is not = = toml\n");
        Storyc.Outcome outcome = Storyc.runIn(temp.resolve("other"), Map.of(), "--project", "../ws", "story",
                "list");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).contains("claims");
        assertThat(workspace).isDirectory();
    }

    @Test
    void outsideAnyWorkspaceTheErrorNamesTheCurrentFolder() {
        Path empty = temp.resolve("empty");
        Checkout.write(empty.resolve("notes.txt"), "");
        Storyc.Outcome outcome = Storyc.runIn(empty, Map.of(), "story", "list");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0101]").contains("has no environments.toml")
                .contains("pass --project DIR");
    }

    @Test
    void projectNamingAFileIsAUsageMistake() {
        Checkout.write(temp.resolve("environments.toml"), "");
        Storyc.Outcome outcome = Storyc.runIn(temp, Map.of(), "--project", "environments.toml", "check", "--all");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--project `environments.toml` is a file, not a folder")
                .doesNotContain("Exception");
    }

    @Test
    void projectNamingNothingIsAUsageMistakeToo() {
        Storyc.Outcome outcome = Storyc.runIn(temp, Map.of(), "--project", "no-such-folder", "check", "--all");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--project `no-such-folder` does not exist");
    }
}
