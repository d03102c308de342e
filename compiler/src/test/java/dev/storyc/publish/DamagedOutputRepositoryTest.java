package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import dev.storyc.testing.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An output repository damaged on disk is refused with exit 3 and left as it was: storyc never
 * starts an output's history again, nor stops with a stack trace.
 */
class DamagedOutputRepositoryTest {
    /** A damage done to {@code out/acceptance-1/.git}. */
    interface Damage {
        void to(Path gitDir) throws IOException;
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("an empty branch ref, as a power loss leaves", (Damage) git ->
                        Files.writeString(git.resolve("refs/heads/main"), ""),
                        "refs/heads/main is empty or garbled"),
                Arguments.of("a garbled branch ref", (Damage) git ->
                        Files.writeString(git.resolve("refs/heads/main"), "zzzz\n"),
                        "refs/heads/main is empty or garbled"),
                Arguments.of("a deleted branch ref with its reflog", (Damage) git ->
                        Files.delete(git.resolve("refs/heads/main")),
                        "refs/heads/main is gone, though its reflog shows it was made"),
                Arguments.of("a config that does not parse", (Damage) git ->
                        Files.writeString(git.resolve("config"), "[[[\n"),
                        "its .git/config cannot be read"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void isRefusedWithExitThreeAndNothingWritten(String name, Damage damage, String said, @TempDir Path temp)
            throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("workspace"));
        Path out = workspace.resolve("out/acceptance-1");
        assertThat(Storyc.run(workspace, "compile", "--env", "acceptance-1").exitCode()).isZero();
        damage.to(out.resolve(".git"));
        byte[] config = Files.readAllBytes(out.resolve(".git/config"));
        byte[] reflog = Files.readAllBytes(out.resolve(".git/logs/refs/heads/main"));
        java.util.List<Path> objects = objects(out);

        Workspaces.changeSource(workspace, "after the damage");
        Storyc.Outcome compile = Storyc.run(workspace, "compile", "--env", "acceptance-1");

        assertThat(compile.exitCode()).as(compile.toString()).isEqualTo(3);
        assertThat(compile.stderr()).contains(said).contains("nothing was written").doesNotContain("Exception");
        assertThat(Files.readAllBytes(out.resolve(".git/config"))).isEqualTo(config);
        assertThat(Files.readAllBytes(out.resolve(".git/logs/refs/heads/main"))).as("the branch never moved")
                .isEqualTo(reflog);
        assertThat(objects(out)).as("no object written").isEqualTo(objects);
    }

    private static java.util.List<Path> objects(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out.resolve(".git/objects"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
