package dev.storyc.publish;

import static dev.storyc.testing.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Checkout;
import dev.storyc.testing.Storyc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output depends on the inputs alone: one thread or two, with a working tree or bare, every
 * environment's commit holds the same tree.
 */
class SameTreesTest {
    @TempDir Path temp;

    @Test
    void threadsAndWorkingTreesNeverChangeATreeId() throws IOException {
        Map<String, String> one = trees("one", "--jobs", "1");
        Map<String, String> two = trees("two", "--jobs", "2");
        Map<String, String> bareOne = trees("bare-one", "--jobs", "1", "--no-working-tree");
        Map<String, String> bareTwo = trees("bare-two", "--jobs", "2", "--no-working-tree");

        assertThat(one).hasSizeGreaterThan(3);
        assertThat(two).isEqualTo(one);
        assertThat(bareOne).isEqualTo(one);
        assertThat(bareTwo).isEqualTo(one);
    }

    @Test
    void twoJobsReportInTheOrderSelected() {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve("order"));
        Storyc.Outcome first = Storyc.run(workspace, "compile", "--all", "--jobs", "1");
        Storyc.Outcome again = Storyc.run(workspace, "compile", "--all", "--jobs", "2");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(names(first.stdout())).hasSizeGreaterThan(3);
        assertThat(names(again.stdout())).isEqualTo(names(first.stdout()));
    }

    /** Compiles every environment of a fresh copy and returns each one's tree id, by name. */
    private Map<String, String> trees(String name, String... options) throws IOException {
        Path workspace = Checkout.copyExampleWorkspace(temp.resolve(name));
        String[] args = Stream.concat(Stream.of("compile", "--all"), Stream.of(options))
                .toArray(String[]::new);
        Storyc.Outcome compile = Storyc.run(workspace, args);
        assertThat(compile.exitCode()).as(compile.toString()).isZero();
        Map<String, String> trees = new TreeMap<>();
        try (Stream<Path> folders = Files.list(workspace.resolve("out"))) {
            for (Path folder : folders.toList()) {
                trees.put(folder.getFileName().toString(), git(folder, "rev-parse", "main^{tree}"));
            }
        }
        return trees;
    }

    /** Returns the environment named by each line of a compile's report, in order. */
    private static java.util.List<String> names(String report) {
        return report.lines().filter(line -> line.matches("^(committed|unchanged) .*"))
                .map(line -> line.split("\\s+")[1]).toList();
    }
}
