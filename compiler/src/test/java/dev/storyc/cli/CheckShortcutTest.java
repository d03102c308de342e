package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code check} with nothing to do is answered as a compile is ({@link NoOpShortcut}): from the
 * stamps of the input files, with every output folder inspected again. Each row proves which path
 * its run took with {@link ShortcutProbe#probe}.
 */
class CheckShortcutTest {
    @TempDir Path temp;

    /** A checked workspace whose files all changed long ago, so its clean check is trusted. */
    private Path checkedWorkspace() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        ShortcutProbe.backdate(workspace);
        Storyc.Outcome first = Storyc.run(workspace, "check", "--all");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        return workspace;
    }

    @Test
    void aCheckWithNothingToDoReadsNoInputAndPrintsWhatTheFullPathPrints() {
        Path workspace = checkedWorkspace();
        Storyc.Outcome full = Storyc.run(workspace, "check", "--all", "--no-cache");
        ShortcutProbe.probe(workspace);

        Storyc.Outcome shortcut = Storyc.run(workspace, "check", "--all");

        assertThat(shortcut.exitCode()).as(shortcut.toString()).isZero();
        assertThat(shortcut.stdout()).isEqualTo(full.stdout())
                .contains("ok  production       2026-W47   4 stories\n");
        assertThat(shortcut.stdout().lines()).hasSize(7);
        assertThat(shortcut.stderr()).isEmpty();
        assertThat(workspace.resolve("out")).doesNotExist();
        Storyc.Outcome reading = Storyc.run(workspace, "check", "--all", "--no-cache");
        assertThat(reading.exitCode()).as("the probe breaks a run that reads").isEqualTo(1);
    }

    @Test
    void jsonOutputIsTheSameDocument() {
        Path workspace = checkedWorkspace();
        Storyc.Outcome full = Storyc.run(workspace, "check", "--env", "production",
                "--format", "json");
        ShortcutProbe.probe(workspace);

        Storyc.Outcome shortcut = Storyc.run(workspace, "check", "--env", "production",
                "--format", "json");

        assertThat(shortcut.exitCode()).as(shortcut.toString()).isZero();
        // The document is the diagnostics, none; the report lines go to stderr.
        assertThat(shortcut.stdout()).isEqualTo(full.stdout()).isEqualTo("[]\n");
        assertThat(shortcut.stderr()).isEqualTo(full.stderr()).contains("ok  production ");
    }

    /** A change after the clean check that must send the next check down the full path. */
    interface Change {
        void make(Path workspace) throws IOException;
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("a story file grew", (Change) w -> Files.writeString(
                        w.resolve("stories/medication-adherence/story.toml"), "\n# edited\n",
                        StandardOpenOption.APPEND)),
                Arguments.of("an output folder now holds a file", (Change) w -> Files.writeString(
                        Files.createDirectories(w.resolve("out/production")).resolve("a.txt"),
                        "x")),
                Arguments.of("a git repository was made where the outputs go", (Change) w ->
                        GitCli.git(Files.createDirectories(w.resolve("out")), "init", "-q")),
                Arguments.of("a draft release was added", (Change) w -> Files.writeString(
                        w.resolve("releases/2027-W01.toml"), "stories = [\"nope\"]\n")),
                Arguments.of("the cache was cleaned", (Change) w -> {
                    Storyc.Outcome clean = Storyc.run(w, "cache", "clean");
                    assertThat(clean.exitCode()).as(clean.toString()).isZero();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyChangeTakesTheFullPath(String name, Change change) throws IOException {
        Path workspace = checkedWorkspace();
        change.make(workspace);
        ShortcutProbe.probe(workspace);

        Storyc.Outcome next = Storyc.run(workspace, "check", "--all");

        ShortcutProbe.assertTookTheFullPath(next);
    }

    static Stream<Arguments> otherRuns() {
        return Stream.of(
                Arguments.of("other environments", List.of("check", "--env", "production")),
                Arguments.of("--no-cache", List.of("check", "--all", "--no-cache")),
                Arguments.of("a compile, which a check's record never answers",
                        List.of("compile", "--all")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherRuns")
    void aRunOtherThanTheCheckTakesTheFullPath(String name, List<String> args) {
        Path workspace = checkedWorkspace();
        ShortcutProbe.probe(workspace);

        Storyc.Outcome next = Storyc.run(workspace, args.toArray(String[]::new));

        ShortcutProbe.assertTookTheFullPath(next);
    }

    @Test
    void aCompileRecordNeverAnswersACheck() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        ShortcutProbe.backdate(workspace);
        Storyc.Outcome compiled = Storyc.run(workspace, "compile", "--all");
        assertThat(compiled.exitCode()).as(compiled.toString()).isZero();
        ShortcutProbe.probe(workspace);

        Storyc.Outcome check = Storyc.run(workspace, "check", "--all");

        ShortcutProbe.assertTookTheFullPath(check);
    }
}
