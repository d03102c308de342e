package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Storyc;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Help pages that help: any depth, whole sentences, and no word broken at a dot. */
class HelpTest {
    @Test
    void helpTakesTheWholePathToACommand() {
        Storyc.Outcome outcome = run("help", "release", "seal");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).startsWith("Usage: storyc release seal [-hV] [--force] NAME\n")
                .contains("      --force    Re-pin a release that a protected environment runs.");
        assertThat(run("release", "seal", "--help").stdout()).isEqualTo(outcome.stdout());
    }

    @Test
    void helpForACommandThatDoesNotExistSuggestsOne() {
        Storyc.Outcome outcome = run("help", "release", "seel");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).contains("error: `release seel` is not a storyc command")
                .contains("did you mean `seal`?");
    }

    @Test
    void commandListsShowWholeFirstSentences() {
        String env = run("env", "--help").stdout();
        assertThat(env).contains("  explain  Say where a value of an environment comes from: the file:line that\n"
                + "             set it, and each extends parent, developer template or reference\n"
                + "             that carried it there.\n");
        for (String line : run("--help").stdout().split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
        assertThat(run("--help").stdout()).contains(
                "  help        Show the help of a command, such as: storyc help release seal.\n");
    }

    @Test
    void namesWithDotsAreNeverBrokenAcrossLines() {
        String root = run("--help").stdout();
        assertThat(root).contains("storyc.toml. Keys: developer, output, jobs, color,\n"
                + "                       git.token_env, warehouse.url, warehouse.connect_timeout,\n"
                + "                       warehouse.lock_timeout, ci.live, cache.max_size,\n")
                .contains("that holds an environments.toml.\n");
        assertThat(root).doesNotContainPattern(
                "[a-z]\\.\\n\\s+(toml|token_env|dashboard|url|connect_timeout|lock_timeout|live|max_size|md)");
    }

    /** Every help page offers -V; each prints the version, where a subcommand once printed nothing. */
    @Test
    void everyCommandPrintsTheVersion() {
        String version = run("-V").stdout();
        assertThat(version).startsWith("storyc ").contains("Java ");
        for (String[] args : new String[][] {{"check", "-V"}, {"ci", "--version"}, {"warehouse", "apply", "-V"},
                {"release", "seal", "--version"}}) {
            Storyc.Outcome outcome = run(args);
            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.stdout()).as(String.join(" ", args)).isEqualTo(version);
        }
    }

    /**
     * Picocli wraps a footer line longer than the page without indent, which broke the exit-code
     * table of `warehouse --help` mid-sentence; footers are laid out by hand, so each line must fit.
     */
    @Test
    void everyFooterLineFitsThePage() {
        java.io.PrintWriter sink = new java.io.PrintWriter(new java.io.StringWriter());
        java.util.Deque<picocli.CommandLine> commands = new java.util.ArrayDeque<>();
        commands.add(CommandTree.whole(new StorycCommand(Map.of(), Path.of(""), sink, sink, false)));
        int seen = 0;
        while (!commands.isEmpty()) {
            picocli.CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            for (String line : command.getCommandSpec().usageMessage().footer()) {
                seen++;
                assertThat(String.format(line).length()).as(command.getCommandName() + ": " + line)
                        .isLessThanOrEqualTo(80);
            }
        }
        assertThat(seen).as("footer lines checked").isGreaterThan(10);
    }

    /**
     * Each element of a description is a paragraph, laid out on lines of its own; one that stops
     * mid-sentence printed "and each" alone on a line (env explain, story new, site: round 20).
     */
    @Test
    void everyDescriptionParagraphEndsASentence() {
        java.io.PrintWriter sink = new java.io.PrintWriter(new java.io.StringWriter());
        java.util.Deque<picocli.CommandLine> commands = new java.util.ArrayDeque<>();
        commands.add(CommandTree.whole(new StorycCommand(Map.of(), Path.of(""), sink, sink, false)));
        java.util.List<String> cut = new java.util.ArrayList<>();
        while (!commands.isEmpty()) {
            picocli.CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            for (String paragraph : command.getCommandSpec().usageMessage().description()) {
                String text = paragraph.replace("%n", "\n").strip();
                if (!text.isEmpty() && !text.startsWith("Example:") && !text.matches("(?s).*[.:?!)`]$")) {
                    cut.add(command.getCommandSpec().qualifiedName() + ": " + text);
                }
            }
        }
        assertThat(cut).isEmpty();
    }

    private static Storyc.Outcome run(String... args) {
        return Storyc.runIn(Path.of(""), Map.of(), args);
    }
}
