package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCommandTest {
    @Test
    void listShowsReleasesAndTheirEnvironments() {
        Storyc.Outcome outcome = Storyc.run(Checkout.root(), "release", "list");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("2026-W47       4        yes       production")
                .contains("2026-W48       6        no        acceptance-1, acceptance-2");
    }

    /** `all` is no release: the hint said `release new all`, which refuses the name (round 14). */
    /** Round 22: dropping the last story unsealed the release, and its back-out went untagged. */
    @Test
    void aSealedReleaseStaysSealedWhenItsLastStoryIsBackedOut(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Checkout.write(workspace.resolve("releases/2026-W50.toml"), "stories = [\n  \"patients\",\n]\n");
        commit(workspace, "W50");
        ok(workspace, "release", "seal", "2026-W50");
        ok(workspace, "release", "promote", "2026-W50", "--to", "acceptance-2");
        commit(workspace, "acceptance-2 runs W50");
        ok(workspace, "compile", "--env", "acceptance-2");
        Path output = workspace.resolve("out/acceptance-2");
        String tested = git(output, "rev-parse", "main");
        assertThat(git(output, "rev-parse", "release/2026-W50")).isEqualTo(tested);

        ok(workspace, "release", "drop", "2026-W50", "patients");
        commit(workspace, "Back patients out of W50");
        assertThat(ok(workspace, "release", "list").stdout()).containsPattern("2026-W50 +0 +yes +acceptance-2");
        assertThat(ok(workspace, "compile", "--env", "acceptance-2").stdout()).contains("backed out: patients");

        assertThat(git(output, "rev-parse", "release/2026-W50")).isEqualTo(tested);
        assertThat(git(output, "rev-parse", "release/2026-W50+2")).isEqualTo(git(output, "rev-parse", "main"))
                .isNotEqualTo(tested);
    }

    private static Storyc.Outcome ok(Path workspace, String... args) {
        Storyc.Outcome outcome = Storyc.run(workspace, args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + "\n" + outcome).isZero();
        return outcome;
    }

    private static void commit(Path workspace, String message) {
        git(workspace, "add", "-A");
        git(workspace, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", message);
    }

    private static String git(Path folder, String... args) {
        return dev.storyc.testing.GitCli.git(folder, args);
    }

    @Test
    void aNameNoReleaseCanHaveIsNotOfferedAsOneToCreate() {
        Storyc.Outcome outcome = Storyc.run(Checkout.root(), "release", "show", "all");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("release `all` does not exist")
                .contains("an environment with release = \"all\" takes every story")
                .doesNotContain("release new all");
    }

    /** An environment whose release git could not tag is not told to create that manifest. */
    @Test
    void anEnvironmentsReleaseNoReleaseMayHaveIsNotOfferedAsOneToCreate(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Path environments = workspace.resolve("environments.toml");
        Checkout.write(environments, Checkout.read(environments).replaceFirst("release = \"all\"", "release = \"a..b\""));

        Storyc.Outcome outcome = Storyc.run(workspace, java.util.Map.of("STORYC_TEST_WAREHOUSE_PASSWORD", "x",
                "STORYC_PROD_WAREHOUSE_PASSWORD", "x"), "check", "--all");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0302]").contains("`a..b` cannot name a release")
                .doesNotContain("create the manifest");
    }

    @Test
    void newWeekCopiesTheNewestWeekAndAddDropEditOnlyTheirLines(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Storyc.Outcome created = Storyc.run(workspace, "release", "new", "--week");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stdout()).contains("created releases/2026-W49.toml from 2026-W48");
        String w48 = Checkout.read(workspace.resolve("releases/2026-W48.toml"))
                .replace("# Release 2026-W48: in acceptance; W47 plus the care-gap and research stories.\n",
                        "# Release 2026-W49, started from 2026-W48.\n");
        assertThat(Checkout.read(workspace.resolve("releases/2026-W49.toml"))).as("W48's header is not copied")
                .isEqualTo(w48);

        assertThat(Storyc.run(workspace, "release", "add", "2026-W49", "medication-adherence").exitCode()).isZero();
        assertThat(Storyc.run(workspace, "release", "drop", "2026-W49", "research-extract").exitCode()).isZero();
        assertThat(Checkout.read(workspace.resolve("releases/2026-W49.toml"))).isEqualTo(
                w48.replace("  \"research-extract\",\n]", "  \"medication-adherence\",\n]"));
    }

    @Test
    void droppingARequiredStoryIsRefusedWithBothLocationsAndNothingWritten(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        String before = Checkout.read(workspace.resolve("releases/2026-W47.toml"));
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "drop", "2026-W47", "patients");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("error[E0306]: cannot drop `patients`: `encounters` requires it and stays in release `2026-W47`")
                .contains("--> stories/encounters/story.toml:")
                .contains("`patients` is released here at releases/2026-W47.toml:3:3")
                .contains("`encounters` is released here at releases/2026-W47.toml:4:3");
        assertThat(Checkout.read(workspace.resolve("releases/2026-W47.toml"))).isEqualTo(before);
    }

    @Test
    void droppingAStoryTheReleaseDoesNotListNamesWhatItLists(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "drop", "2026-W47", "claim");
        assertThat(outcome.exitCode()).as("a mistyped argument, as in every command").isEqualTo(2);
        assertThat(outcome.stderr()).contains("error: release `2026-W47` does not list `claim`")
                .contains("= help: did you mean `claims`? it lists patients, encounters, claims, appointments");
    }

    @Test
    void addingAStoryThatDoesNotExistIsAUsageError(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        String before = Checkout.read(workspace.resolve("releases/2026-W48.toml"));

        Storyc.Outcome outcome = Storyc.run(workspace, "release", "add", "2026-W48", "lab-result");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).startsWith("error: story `lab-result` does not exist\n  = help: ")
                .doesNotContain("-->");
        assertThat(Checkout.read(workspace.resolve("releases/2026-W48.toml"))).isEqualTo(before);
    }

    @Test
    void theHintDropsEveryStoryThatNeedsTheDroppedOneHoweverIndirectly(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);

        Storyc.Outcome outcome = Storyc.run(workspace, "release", "drop", "2026-W48", "encounters");

        assertThat(outcome.exitCode()).isEqualTo(1);
        // research-extract needs claims, which needs encounters: the first hint must name it too.
        String hint = "= help: drop every story that needs it with it: storyc release drop 2026-W48 encounters"
                + " claims care-gaps research-extract";
        assertThat(outcome.stderr()).contains(hint);
        Storyc.Outcome followed = Storyc.run(workspace, "release", "drop", "2026-W48", "encounters", "claims",
                "care-gaps", "research-extract");
        assertThat(followed.exitCode()).as(followed.toString()).isZero();
    }

    @Test
    void promotingAReleaseFileWhoseNameAnEnvironmentCannotUseWritesNothing(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Checkout.write(workspace.resolve("releases/2026-W49 hotfix.toml"),
                Checkout.read(workspace.resolve("releases/2026-W48.toml")));
        String before = Checkout.read(workspace.resolve("environments.toml"));

        Storyc.Outcome outcome = Storyc.run(workspace, "release", "promote", "2026-W49 hotfix", "--to",
                "acceptance-1");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("`2026-W49 hotfix` is not a name an environment can use");
        assertThat(Checkout.read(workspace.resolve("environments.toml"))).isEqualTo(before);
    }

    @Test
    void aReleaseWithErrorsIsNotPromotedAndBreaksTheDevelopersCheckOnceRun(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Checkout.write(workspace.resolve("releases/2026-W50.toml"), "stories = [\n  \"patients\",\n  \"patient\",\n]\n");
        String before = Checkout.read(workspace.resolve("environments.toml"));

        Storyc.Outcome promote = Storyc.run(workspace, "release", "promote", "2026-W50", "--to", "acceptance-1");

        assertThat(promote.exitCode()).as(promote.toString()).isEqualTo(1);
        assertThat(promote.stderr()).contains("error[E0303]: release `2026-W50` lists `patient`")
                .contains("--> releases/2026-W50.toml:3:3")
                .contains("release `2026-W50` has errors, so `acceptance-1` was not pointed at it");
        assertThat(Checkout.read(workspace.resolve("environments.toml"))).isEqualTo(before);

        // A typo in the release acceptance already runs fails the developer's pre-commit check too.
        Checkout.write(workspace.resolve("releases/2026-W48.toml"),
                Checkout.read(workspace.resolve("releases/2026-W48.toml")).replace("\"claims\"", "\"claim\""));
        Storyc.Outcome check = Storyc.run(workspace, "-D", "developer=alice", "check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.stderr()).containsOnlyOnce("error[E0303]: release `2026-W48` lists `claim`");
    }

    @Test
    void addingAStoryWithoutItsRequirementsIsRefused(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        assertThat(Storyc.run(workspace, "release", "new", "2026-W50").exitCode()).isZero();
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "add", "2026-W50", "claims");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("story `claims` requires `patients`, which release `2026-W50` does not include");
        assertThat(Storyc.run(workspace, "release", "add", "2026-W50", "patients", "encounters", "claims").exitCode())
                .isZero();
        assertThat(Checkout.read(workspace.resolve("releases/2026-W50.toml")))
                .isEqualTo("# Release 2026-W50.\nstories = [\n  \"patients\",\n  \"encounters\",\n  \"claims\",\n]\n");
    }

    @Test
    void unknownReleasesAndNamesAreUsageErrors(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Storyc.Outcome missing = Storyc.run(workspace, "release", "show", "2026-W84");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("release `2026-W84` does not exist").contains("did you mean `2026-W48`?");
        assertThat(Storyc.run(workspace, "release", "new", "all").exitCode()).isEqualTo(2);
        assertThat(Storyc.run(workspace, "release", "new", "2026-W47").stderr()).contains("already exists");
    }

    @Test
    void aLayoutTheEditorCannotChangeIsRefusedAndTheFileKept(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        String layout = "stories = [\"patients\"\n]\n";
        Checkout.write(workspace.resolve("releases/x.toml"), layout);

        Storyc.Outcome outcome = Storyc.run(workspace, "release", "add", "x", "appointments");

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.stderr())
                .contains("error[E0315]: storyc cannot edit `releases/x.toml` in place: the edit would")
                .contains("--> releases/x.toml")
                .doesNotContain("Exception");
        assertThat(Checkout.read(workspace.resolve("releases/x.toml"))).isEqualTo(layout);
    }

    @Test
    void aWeekNameBeyondTheCalendarIsAReleaseButNoWeekOfTheTrain(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        assertThat(Storyc.run(workspace, "release", "new", "2026-W99").exitCode()).isZero();
        Storyc.Outcome next = Storyc.run(workspace, "release", "new", "--week");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.stdout()).contains("created releases/2026-W49.toml from 2026-W48");
    }

    @Test
    void aReleaseNameLongerThanAHundredCharactersIsAUsageError(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        String name = "r".repeat(101);
        Storyc.Outcome outcome = Storyc.run(workspace, "release", "new", name);
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("`" + name + "` is not a valid release name")
                .contains("use at most 100 letters, digits");
        assertThat(workspace.resolve("releases/" + name + ".toml")).doesNotExist();
        assertThat(Storyc.run(workspace, "release", "new", name.substring(1)).exitCode()).isZero();
    }

    @Test
    void aManifestKeptAsALinkIsEditedWhereItLivesAndStaysALink(@TempDir Path temp) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Path shared = Checkout.write(workspace.resolve("shared/next.toml"), "stories = [\n  \"patients\",\n]\n");
        Path link = Files.createSymbolicLink(workspace.resolve("releases/next.toml"), Path.of("../shared/next.toml"));

        Storyc.Outcome outcome = Storyc.run(workspace, "release", "add", "next", "encounters");

        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("the link is kept").isTrue();
        assertThat(Checkout.read(shared)).isEqualTo("stories = [\n  \"patients\",\n  \"encounters\",\n]\n");
        try (var siblings = Files.list(shared.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).as("no temporary file is left")
                    .containsExactly("next.toml");
        }
    }
}
