package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors, help and the small listing commands. */
class CommandLineTest {
    static final Path EXAMPLE = Checkout.root();

    /** Picocli's parse errors, said as storyc's usage errors: one line, a hint, exit 2, no help dump. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "compile --bogus | error: Unknown option: '--bogus' | see `storyc compile --help`",
        "compile -q | error: Unknown option: '-q' | `-q` is an option of storyc itself: put it before the command,"
                + " as in `storyc -q compile ...`",
        "warehouse plan -D jobs=1 | error: Unknown options: '-D', 'jobs=1' | `-D` is an option of storyc itself:"
                + " put it before the command, as in `storyc -D jobs=1 warehouse plan ...`",
        "compile -p | error: Unknown option: '-p' | `-p` is an option of storyc itself: put it before the command,"
                + " as in `storyc -p DIR compile ...`",
        "compile --colour always | error: Unknown options: '--colour', 'always' | did you mean `--color`?",
        "chek | error: `chek` is not a storyc command | did you mean `check`? (see `storyc --help`)",
        "tset | error: `tset` is not a storyc command | did you mean `test`?",
        "warehouse aply | error: `warehouse aply` is not a storyc command | did you mean `apply`?",
        "-- compile --all | error: `compile` follows `--`, which ends the options, so it is read as an argument, not"
                + " as the command | drop the `--`: `storyc compile ...`",
        "warehouse -- plan | error: `plan` follows `--`, which ends the options, so it is read as an argument, not"
                + " as the command | drop the `--`: `storyc warehouse plan ...`",
        "check --fromat json | error: Unknown options: '--fromat', 'json' | did you mean `--format`?",
        "release show 2026-W48 extra | error: `storyc release show` does not take the argument `extra`"
                + " | see `storyc release show --help`",
    })
    void aCommandLinePicocliCannotParseIsOneUsageError(String line, String error, String hint) {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, line.split(" "));
        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.stderr()).startsWith(error + "\n  = help: ").contains(hint).doesNotContain("Usage:");
        assertThat(outcome.stderr().lines()).hasSize(2);
    }

    @Test
    void aScriptThatAskedForJsonGetsTheFailureDocument() throws Exception {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "check", "--format", "json", "--bogus");
        assertThat(outcome.exitCode()).isEqualTo(2);
        var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(outcome.stdout());
        assertThat(document.get("exit_code").asInt()).isEqualTo(2);
        assertThat(document.get("failures").get(0).get("message").asText()).isEqualTo("Unknown option: '--bogus'");
    }

    @Test
    void sarifAndJunitReportsAreDocumentsEvenForALineThatDoesNotParse() {
        // Round 21: the upload-sarif step and the JUnit collector got an empty file.
        Storyc.Outcome sarif = Storyc.run(EXAMPLE, "check", "--all", "--format=SARIF", "--bogus");
        assertThat(sarif.exitCode()).isEqualTo(2);
        assertThat(sarif.stdout()).contains("\"version\": \"2.1.0\"").contains("Unknown option: '--bogus'");
        Storyc.Outcome junit = Storyc.run(EXAMPLE, "test", "-e", "integration", "--format", "junit", "--bogus");
        assertThat(junit.exitCode()).isEqualTo(2);
        assertThat(junit.stdout()).startsWith("<?xml").contains("integration").contains("Unknown option: '--bogus'");
        assertThat(UsageErrors.requestedFormat(new String[] {"check", "--", "--format", "json"})).isEqualTo("text");
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        Storyc.Outcome outcome = Storyc.runRaw(Map.of());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("Usage: storyc").contains("compile").contains("Exit codes:");
    }

    @Test
    void helpAndVersionSucceed() {
        assertThat(Storyc.runRaw(Map.of(), "--help").stdout()).contains("check").contains("--project");
        assertThat(Storyc.runRaw(Map.of(), "--version").stdout()).startsWith("storyc ");
    }

    @Test
    void jobsBelowOneIsAUsageErrorThatSaysWhatToDo() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "compile", "--all", "--jobs", "0");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("--jobs must be at least 1, not 0")
                .contains("leave -j out for the default");
    }

    @Test
    void anUnknownEnvironmentIsAUsageErrorWithASuggestion() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "check", "--env", "prodution");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("environment `prodution` is not defined")
                .contains("did you mean `production`?");
    }

    @Test
    void withoutEnvTheDevelopersEnvironmentIsUsed() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, Map.of("STORYC_DEVELOPER", "alice"), "check");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout()).contains("dev-alice").doesNotContain("production");
        Storyc.Outcome none = Storyc.run(EXAMPLE, "check");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("no environment selected").contains("STORYC_DEVELOPER");
    }

    @Test
    void checkWritesNothing(@TempDir Path temp) {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Storyc.Outcome outcome = Storyc.run(workspace, "check", "--all");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdout().lines()).hasSize(7).allMatch(l -> l.startsWith("ok  "));
        assertThat(Files.exists(workspace.resolve("out"))).isFalse();
    }

    @Test
    void envListShowsEveryEnvironment() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "env", "list");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("production       production   2026-W47   looker_analytics_prod")
                .contains("dev-bob          development  all        looker_dev_bob");
    }

    @Test
    void storyListShowsEveryStory() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "story", "list");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout().lines().skip(1)).hasSize(7);
        assertThat(outcome.stdout()).contains("research-extract       bob      patients,encounters,claims");
    }

    @Test
    void aFolderThatIsNotARepositoryIsNeverOverwritten(@TempDir Path temp) throws Exception {
        Path workspace = Checkout.copyExampleWorkspace(temp);
        Path precious = Checkout.write(workspace.resolve("out/production/notes.txt"), "mine\n");
        Storyc.Outcome outcome = Storyc.run(workspace, "compile", "--all");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0711]: the output folder of `production`")
                .contains("out/production`, holds files and is not a git repository; nothing was written");
        assertThat(Files.readString(precious)).isEqualTo("mine\n");
        assertThat(workspace.resolve("out/acceptance-1")).doesNotExist();
    }

    @Test
    void aWorkspaceWithoutEnvironmentsIsExplained(@TempDir Path temp) {
        Storyc.Outcome outcome = Storyc.run(temp, "check", "--all");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error[E0101]").contains("is not a storyc workspace");
    }

    @Test
    void aProblemFoundInSeveralEnvironmentsIsPrintedOnce(@TempDir Path temp) {
        Path workspace = temp.resolve("ws");
        Checkout.copy(Checkout.root().resolve("compiler/src/test/resources/cases/minimal"), workspace);
        Checkout.write(workspace.resolve("stories/base/views/base.view.lkml"),
                "view: base {\n  sql_table_name: <% env.warehouse.shema %>.base ;;\n}\n");
        Storyc.Outcome outcome = Storyc.run(workspace, "check", "--all");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr().split("error\\[E0401\\]", -1)).hasSize(2);
        assertThat(outcome.stderr()).contains("= note: the same in environment prod\n").contains("1 error, 0 warnings");
    }

    @Test
    void verboseNamesTheWorkspaceAndWhereEachSettingCameFrom() {
        Storyc.Outcome outcome = Storyc.run(EXAMPLE, "-v", "-D", "developer=bob", "check");
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stderr()).contains("storyc: workspace " + EXAMPLE + ": 7 stories, 2 releases, 7 environments")
                .containsPattern("storyc: setting developer = bob \\(from .*-D.*\\)");
        assertThat(outcome.stdout()).contains("ok  dev-bob");
        assertThat(Storyc.run(EXAMPLE, "-D", "developer=bob", "check").stderr()).doesNotContain("storyc: workspace");
    }

    @Test
    void anErrorInAStoryThatFailedToLoadStillQuotesItsLineAndTheCommandEndsWithOneCount(@TempDir Path temp) {
        Path workspace = temp.resolve("ws");
        Checkout.copy(Checkout.root().resolve("compiler/src/test/resources/cases/minimal"), workspace);
        Checkout.write(workspace.resolve("stories/base/story.toml"), "title = \"Base\"\nownr = \"alice\"\n");
        Storyc.Outcome outcome = Storyc.run(workspace, "check", "--all");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("2 | ownr = \"alice\"\n").contains("did you mean `owner`?");
        assertThat(outcome.stderr().split("errors?, \\d+ warnings?", -1)).as(outcome.stderr()).hasSize(2);
    }
}
