package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release manifest no environment runs yet is checked by the checks that take every story. */
class DraftReleaseCheckTest {
    @TempDir
    Path temp;

    @Test
    void aBrokenDraftFailsTheDevelopersCheckAndCiButNotAProductionCompile() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Checkout.write(workspace.resolve("releases/2027-W01.toml"), "stories = [\n  \"patients\",\n  \"patient\",\n]\n");

        for (String[] command : new String[][] {{"-D", "developer=alice", "check"}, {"check", "--all"}}) {
            Storyc.Outcome check = Storyc.run(workspace, command);
            assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
            assertThat(check.stderr()).containsOnlyOnce("error[E0303]: release `2027-W01` lists `patient`")
                    .contains("--> releases/2027-W01.toml:3:3").contains("did you mean `patients`?");
        }

        Storyc.Outcome production = Storyc.run(workspace, "compile", "--env", "production");
        assertThat(production.exitCode()).as(production.toString()).isZero();
        assertThat(production.stderr()).doesNotContain("2027-W01");
    }
}
