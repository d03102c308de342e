package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `storyc version --check` and storyc.toml's required_version. */
class VersionCommandTest {
    @TempDir
    Path temp;

    @Test
    void versionPrintsTheNumberAndJava() {
        Storyc.Outcome outcome = Storyc.runIn(temp, Map.of(), "version");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).startsWith("storyc " + Version.number() + "\nJava ");
    }

    @Test
    void checkPassesInsideTheRangeAndNamesWhereTheRangeIsSet() {
        Path workspace = workspaceRequiring(">=0.0.1");
        Storyc.Outcome outcome = Storyc.runIn(workspace.resolve("stories"), Map.of(), "version", "--check");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).contains("satisfies required_version >=0.0.1 (storyc.toml:2:1)");
    }

    @Test
    void aStorycOutsideTheRangeStopsEveryProjectCommandWithALocatedError() {
        Path workspace = workspaceRequiring(">=99.0.0, <100");
        for (String[] command : new String[][] {{"version", "--check"}, {"check", "--all"}, {"story", "list"}}) {
            Storyc.Outcome outcome = Storyc.run(workspace, command);
            assertThat(outcome.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(outcome.stderr())
                    .contains("error[E0250]: this workspace requires storyc >=99.0.0, <100, but this is storyc "
                            + Version.number())
                    .contains("--> storyc.toml:2:1")
                    .contains("required_version = \">=99.0.0, <100\"");
        }
    }

    /** The documented first step of CI; run in the wrong folder it must fail, not pass unchecked. */
    @Test
    void checkOutsideAWorkspaceFails() {
        Storyc.Outcome outcome = Storyc.runIn(temp, Map.of(), "version", "--check");
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0101]: `" + temp + "` is not a storyc workspace: it has no"
                + " environments.toml");
        assertThat(outcome.stdout()).startsWith("storyc " + Version.number()).doesNotContain("required_version");
    }

    @Test
    void aRangeThatIsNotARangeIsASettingError() {
        Path workspace = workspaceRequiring("latest");
        Storyc.Outcome outcome = Storyc.run(workspace, "version", "--check");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0225]: setting `required_version` is `latest`, which is not a"
                + " version range such as `>=0.1.0, <0.2.0`");
    }

    private Path workspaceRequiring(String range) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        Checkout.write(workspace.resolve("storyc.toml"), "# settings\nrequired_version = \"" + range + "\"\n");
        return workspace;
    }
}
