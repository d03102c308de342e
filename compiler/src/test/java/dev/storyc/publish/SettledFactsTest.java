package dev.storyc.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.GitCli;
import dev.storyc.testing.Storyc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facts name the head and the layout, and a repository they cannot vouch for has none. */
class SettledFactsTest {
    @TempDir Path temp;

    private Path compiled(String... options) {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("ws"));
        String[] args = new String[options.length + 3];
        args[0] = "compile";
        args[1] = "--env";
        args[2] = "production";
        System.arraycopy(options, 0, args, 3, options.length);
        Storyc.Outcome outcome = Storyc.run(workspace, args);
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        return workspace.resolve("out/production");
    }

    @Test
    void theFactsNameTheHeadTheTagAndTheLayout() {
        Path output = compiled();

        String facts =
                SettledFacts.of(output, "main", Optional.of("release/2026-W47"), true)
                        .orElseThrow();

        String head = GitCli.git(output, "rev-parse", "main");
        assertThat(SettledFacts.headOf(facts)).isEqualTo(head);
        assertThat(facts).startsWith("head " + head + "\ntag 2026-W47=" + head + "\nindex true\nconfig ");
        assertThat(SettledFacts.of(output, "main", Optional.of("release/1999-W01"), true))
                .isEmpty();
    }

    @Test
    void aBareRepositoryHasOtherFacts() {
        Path output = compiled("--no-working-tree");

        assertThat(SettledFacts.of(output, "main", Optional.empty(), false).orElseThrow())
                .contains("\nindex false\n");
        assertThat(SettledFacts.of(output, "main", Optional.empty(), true))
                .as("a run that wants a working tree must switch").isEmpty();
    }

    @Test
    void aMovedHeadGivesOtherFactsAndPackedRefsOrAWriterNone() throws IOException {
        Path output = compiled();
        String before = SettledFacts.of(output, "main", Optional.empty(), true).orElseThrow();

        GitCli.git(output, "commit", "-q", "--allow-empty", "-m", "by hand");
        String moved = SettledFacts.of(output, "main", Optional.empty(), true).orElseThrow();
        assertThat(moved).isNotEqualTo(before);

        Files.createDirectories(output.resolve(".git/storyc-writers")).resolve("1").toFile()
                .createNewFile();
        assertThat(SettledFacts.of(output, "main", Optional.empty(), true)).isEmpty();
        Files.delete(output.resolve(".git/storyc-writers/1"));
        GitCli.git(output, "pack-refs", "--all");
        assertThat(SettledFacts.of(output, "main", Optional.empty(), true)).isEmpty();
    }
}
