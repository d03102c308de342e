package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyc.testing.Checkout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's file is replaced only when it still holds what the command read. */
class WorkspaceFilesTest {
    @TempDir Path temp;

    @Test
    void aFileThatChangedSinceItWasReadIsNotOverwritten() {
        Path manifest = Checkout.write(temp.resolve("releases/2026-W49.toml"), "stories = [\n  \"b\",\n]\n");
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false, false);

        assertThatThrownBy(() -> WorkspaceFiles.replace(manifest, "stories = [\n]\n",
                        "stories = [\n  \"a\",\n]\n", console))
                .isInstanceOfSatisfying(CommandFailure.class, f -> assertThat(f.exitCode()).isEqualTo(3));
        assertThat(Checkout.read(manifest)).isEqualTo("stories = [\n  \"b\",\n]\n");
        assertThat(err.toString()).contains("changed while storyc was editing it").contains("nothing was written");
    }

    @Test
    void aFileAsReadIsReplacedInItsOwnLineEnds() {
        Path manifest = Checkout.write(temp.resolve("releases/2026-W49.toml"), "\uFEFFstories = [\r\n]\r\n");
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false, false);

        WorkspaceFiles.replace(manifest, "stories = [\n]\n", "stories = [\n  \"a\",\n]\n", console);

        assertThat(Checkout.read(manifest)).isEqualTo("stories = [\r\n  \"a\",\r\n]\r\n");
    }
}
