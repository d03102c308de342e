package dev.storyc.cli;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sealed release that a protected environment runs is what production ships: it is not re-pinned
 * by accident, its pins and lines agree, and an empty release is never "sealed".
 */
class SealImmutabilityTest {
    @TempDir
    Path workspace;

    private String w47;

    @BeforeEach
    void committedExample() {
        Checkout.copyExampleWorkspace(workspace);
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "workspace");
        w47 = Checkout.read(workspace.resolve("releases/2026-W47.toml"));
    }

    @Test
    void aLinkInAPinnedTreeIsAnErrorNotItsTargetsNameCompiledAsTheFile() throws Exception {
        java.nio.file.Files.createSymbolicLink(workspace.resolve("stories/claims/tests/linked.sql"),
                Path.of("../../care-gaps/tests/closed_after_opened.sql"));
        assertThat(Storyc.run(workspace, "check", "--env", "acceptance-1").exitCode()).as("followed in the working tree")
                .isZero();
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "link");
        assertThat(Storyc.run(workspace, "release", "seal", "2026-W48").exitCode()).isZero();

        Storyc.Outcome check = Storyc.run(workspace, "check", "--env", "acceptance-1");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.stderr()).contains("error[E0113]: `stories/claims/tests/linked.sql` is a symbolic link in the"
                + " tree").contains("--> stories/claims/tests/linked.sql");
    }

    @Test
    void resealingTheReleaseProductionRunsIsRefusedNamingProduction() {
        // claims moved on since W47 was sealed, so a new seal would re-pin it.
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "seal", "2026-W47");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("error[E0313]: cannot seal `2026-W47` again: protected environment `production` runs it")
                .contains("--> releases/2026-W47.toml")
                .contains("`production` runs `2026-W47` here at environments.toml:")
                .contains("storyc release seal 2026-W47 --force");
        assertThat(Checkout.read(workspace.resolve("releases/2026-W47.toml"))).isEqualTo(w47);
    }

    @Test
    void forceResealsAndSaysExactlyWhichPinsItChanged() {
        // Every W47 story has moved on since it was sealed, so all four pins change.
        String claims = git(workspace, "rev-parse", "HEAD:stories/claims");
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "seal", "2026-W47", "--force");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout())
                .contains("sealed 2026-W47 again: 4 of 4 pins changed; the next compile of production ships them"
                        + " (--force)\n")
                .contains("  claims  e9e5e7743fc5 -> " + claims.substring(0, 12) + "\n");
        assertThat(Checkout.read(workspace.resolve("releases/2026-W47.toml")))
                .contains("claims = \"" + claims + "\"")
                .startsWith(w47.substring(0, w47.indexOf("[pins]")));

        Storyc.Outcome again = Storyc.run(workspace, "release", "seal", "2026-W47");
        assertThat(again.exitCode()).as("nothing would change, so nothing is refused").isZero();
        assertThat(again.stdout()).contains("sealed 2026-W47 already: its 4 pins are the trees at HEAD");
    }

    @Test
    void aReleaseNoProtectedEnvironmentRunsMayBeResealed() {
        assertThat(Storyc.run(workspace, "release", "seal", "2026-W48").exitCode()).isZero();
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "seal");
        Checkout.write(workspace.resolve("stories/claims/views/claims.view.lkml"),
                Checkout.read(workspace.resolve("stories/claims/views/claims.view.lkml")) + "# moved on\n");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "claims");
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "seal", "2026-W48");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).contains("sealed 2026-W48 again: 1 of 6 pins changed\n")
                .containsPattern("  claims  [0-9a-f]{12} -> [0-9a-f]{12}\n");
    }

    @Test
    void anEmptyReleaseCannotBeSealed() {
        assertThat(Storyc.run(workspace, "release", "new", "2026-W50").exitCode()).isZero();
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "seal", "2026-W50");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0312]: cannot seal `2026-W50`: it lists no stories")
                .contains("storyc release add 2026-W50 ID");
        assertThat(Checkout.read(workspace.resolve("releases/2026-W50.toml"))).doesNotContain("[pins]");
        assertThat(Storyc.run(workspace, "release", "list").stdout()).contains("2026-W50       0        no");
        Storyc.Outcome promoted = Storyc.run(workspace, "release", "promote", "2026-W50", "--to", "production");
        assertThat(promoted.exitCode()).as("an empty release ships nothing, so production may take it")
                .isZero();
        assertThat(Storyc.run(workspace, "check", "--env", "production").exitCode()).isZero();
    }

    static Stream<Arguments> pinsAndLinesThatDisagree() {
        return Stream.of(
                Arguments.of("a line deleted by hand leaves its pin",
                        "  \"claims\",\n", "",
                        "error[E0314]: release `2026-W47` pins `claims`, but does not list it in `stories`",
                        "--> releases/2026-W47.toml:12:1"),
                Arguments.of("a line added by hand has no pin",
                        "  \"appointments\",\n", "  \"appointments\",\n  \"care-gaps\",\n",
                        "error[E0311]: release `2026-W47` is sealed but does not pin `care-gaps`",
                        "--> releases/2026-W47.toml:7:3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pinsAndLinesThatDisagree")
    void pinsAndLinesOfASealedReleaseMustAgree(String what, String find, String replace, String error,
            String location) {
        Checkout.write(workspace.resolve("releases/2026-W47.toml"), w47.replace(find, replace));
        Storyc.Outcome outcome = Storyc.run(workspace, "check", "--env", "production");
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains(error).contains(location);
    }
}
