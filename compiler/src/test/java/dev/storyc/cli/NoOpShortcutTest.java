package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A compile with nothing to do is answered from the stamps of the input files without reading
 * them, and anything that could change the answer sends it down the full path.
 *
 * <p>Each row proves which path its run took with {@link ShortcutProbe#probe}: a run that reads
 * the inputs fails with exit 1, a run answered by the shortcut succeeds.
 */
class NoOpShortcutTest {
    @TempDir Path temp;

    /** A compiled workspace whose files all changed long ago, so its clean run is trusted. */
    private Path settledWorkspace() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        ShortcutProbe.backdate(workspace);
        Storyc.Outcome first = Storyc.run(workspace, "compile", "--all");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).contains("7 environments compiled, 7 committed");
        return workspace;
    }

    @Test
    void aCompileWithNothingToDoReadsNoInputAndPrintsWhatTheFullPathPrints() {
        Path workspace = settledWorkspace();
        Storyc.Outcome full = Storyc.run(workspace, "compile", "--all", "--no-cache");
        ShortcutProbe.probe(workspace);

        Storyc.Outcome shortcut = Storyc.run(workspace, "compile", "--all");

        assertThat(shortcut.exitCode()).as(shortcut.toString()).isZero();
        assertThat(shortcut.stdout()).isEqualTo(full.stdout())
                .contains("unchanged production       2026-W47    4 stories")
                .endsWith("7 environments compiled, 0 committed\n");
        assertThat(shortcut.stderr()).isEmpty();
        Storyc.Outcome reading = Storyc.run(workspace, "compile", "--all", "--no-cache");
        assertThat(reading.exitCode()).as("the probe breaks a run that reads").isEqualTo(1);
    }

    @Test
    void jsonOutputIsTheSameDocument() {
        Path workspace = settledWorkspace();
        Storyc.Outcome full = Storyc.run(workspace, "compile", "--all", "--format", "json");
        ShortcutProbe.probe(workspace);

        Storyc.Outcome shortcut = Storyc.run(workspace, "compile", "--all", "--format", "json");

        assertThat(shortcut.exitCode()).as(shortcut.toString()).isZero();
        assertThat(shortcut.stdout()).isEqualTo(full.stdout());
        assertThat(shortcut.stderr()).isEqualTo(full.stderr());
    }

    /** A change, made after the settled compile, that must send the next run down the full path. */
    interface Change {
        void make(Path workspace) throws IOException;
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                row("a story file grew", w -> append(
                        w.resolve("stories/medication-adherence/story.toml"), "\n# edited\n")),
                row("a story file was touched", w -> Files.setLastModifiedTime(
                        w.resolve("stories/medication-adherence/story.toml"),
                        FileTime.from(Instant.now()))),
                row("a file was added to a story", w -> Files.writeString(
                        w.resolve("stories/medication-adherence/notes.md"), "notes\n")),
                row("a story was added", w -> Files.createDirectories(
                        w.resolve("stories/brand-new"))),
                // The loader skips it, but its folder's stamp changed: taking the full path is
                // the price of not listing folders twice.
                row("a dot-file was added to a story", w -> Files.writeString(
                        w.resolve("stories/medication-adherence/.story.toml.swp"), "x")),
                row("a release file was deleted", w -> {
                    try (Stream<Path> files = Files.list(w.resolve("releases"))) {
                        Files.delete(files.sorted().toList().get(0));
                    }
                }),
                row("a file was replaced by another of the same size and time", w -> {
                    Path file = w.resolve("stories/medication-adherence/story.toml");
                    Path other = w.resolve("stories/medication-adherence/story.tmp");
                    Files.copy(file, other);
                    Files.setLastModifiedTime(other, Files.getLastModifiedTime(file));
                    Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }),
                row("an output repository's branch moved", w -> GitCli.git(
                        w.resolve("out/production"), "commit", "-q", "--allow-empty", "-m",
                        "by hand")),
                row("a writer is registered in an output repository", w -> Files.writeString(
                        Files.createDirectories(w.resolve("out/acceptance-1/.git/storyc-writers"))
                                .resolve("4242"), "4242\n")),
                // Nothing the run remembers changed, but the full path would refuse every output
                // folder as inside another repository, so the shortcut inspects them again.
                row("a git repository was made around the outputs", w -> GitCli.git(
                        w.resolve("out"), "init", "-q")),
                row("the output folder moved behind a link", w -> {
                    Path moved = Files.move(w.resolve("out"), w.resolve("moved-out"));
                    Files.createSymbolicLink(w.resolve("out"), moved);
                }),
                row("the cache entry is damaged", NoOpShortcutTest::damageCleanRun));
    }

    private static Arguments row(String name, Change change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyChangeTakesTheFullPath(String name, Change change) throws IOException {
        Path workspace = settledWorkspace();
        change.make(workspace);
        ShortcutProbe.probe(workspace);

        Storyc.Outcome next = Storyc.run(workspace, "compile", "--all");

        ShortcutProbe.assertTookTheFullPath(next);
    }

    static Stream<Arguments> differentRuns() {
        return Stream.of(
                Arguments.of("other environments", List.of("--env", "production"), Map.of()),
                Arguments.of("--no-cache", List.of("--all", "--no-cache"), Map.of()),
                Arguments.of("another output folder", List.of("--all", "--out", "elsewhere"),
                        Map.of()),
                Arguments.of("bare repositories", List.of("--all", "--no-working-tree"), Map.of()),
                Arguments.of("a secret the run reads changed", List.of("--all"),
                        Map.of("STORYC_TEST_PHI_KEY", "another-key")),
                Arguments.of("a setting changed", List.of("--all"), Map.of("STORYC_JOBS", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentRuns")
    void aRunThatDiffersInWhatItReadsOrWritesTakesTheFullPath(String name, List<String> options,
            Map<String, String> environment) {
        Path workspace = settledWorkspace();
        ShortcutProbe.probe(workspace);
        List<String> args = new java.util.ArrayList<>(List.of("compile"));
        // Beside the workspace, not in the folder the tests run in, should the run ever write.
        options.forEach(option -> args.add(option.equals("elsewhere")
                ? temp.resolve("elsewhere").toString() : option));

        Storyc.Outcome next = Storyc.run(workspace, environment, args.toArray(String[]::new));

        ShortcutProbe.assertTookTheFullPath(next);
    }

    @Test
    void aRunThatReadAFileChangedMomentsBeforeIsNotTrusted() throws IOException {
        Path workspace = settledWorkspace();
        append(workspace.resolve("stories/medication-adherence/story.toml"), "\n# edited\n");
        Storyc.Outcome edited = Storyc.run(workspace, "compile", "--all");
        assertThat(edited.exitCode()).as(edited.toString()).isZero();
        ShortcutProbe.probe(workspace);

        // The edit is younger than the racy margin before the run that read it: that run's stamps
        // could hide a second write in the same clock tick, so it left nothing to trust.
        Storyc.Outcome next = Storyc.run(workspace, "compile", "--all");

        assertThat(next.exitCode()).as(next.toString()).isEqualTo(1);
    }

    @Test
    void aLayoutSwitchThatCouldNotFinishIsLeftToTheFullPath() throws IOException {
        Path workspace = settledWorkspace();
        Path lock = workspace.resolve("out/production/.git/index.lock");
        Files.writeString(lock, "");
        Storyc.Outcome held = Storyc.run(workspace, "compile", "--all", "--no-working-tree");
        assertThat(held.exitCode()).as(held.toString()).isZero();
        assertThat(held.stderr()).contains("kept the working tree of");
        Files.delete(lock);
        ShortcutProbe.probe(workspace);

        // production still has its working tree: only a full run finishes the switch.
        Storyc.Outcome next = Storyc.run(workspace, "compile", "--all", "--no-working-tree");

        assertThat(next.exitCode()).as(next.toString()).isEqualTo(1);
    }

    @Test
    void aFileOutsideTheInputsChangesNothing() throws IOException {
        Path workspace = settledWorkspace();
        Files.writeString(workspace.resolve("NOTES.md"), "not an input\n");
        Files.writeString(Files.createDirectories(workspace.resolve("docs")).resolve("a.md"), "x");
        ShortcutProbe.probe(workspace);

        Storyc.Outcome next = Storyc.run(workspace, "compile", "--all");

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.stdout()).endsWith("7 environments compiled, 0 committed\n");
    }

    private static void damageCleanRun(Path workspace) throws IOException {
        try (Stream<Path> files = Files.walk(workspace.resolve(".storyc/cache"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                bytes[bytes.length - 1] ^= 1;
                Files.write(file, bytes);
            }
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }
}
