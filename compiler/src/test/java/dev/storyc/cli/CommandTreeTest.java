package dev.storyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.testing.Storyc;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** A run builds only the command it names, and behaves as if it had built them all. */
class CommandTreeTest {
    private static final String ALL = "all";

    static Stream<Arguments> arguments() {
        return Stream.of(
                Arguments.of(List.of("compile", "--all"), "compile"),
                Arguments.of(List.of("-p", "compile", "-q", "compile", "--all"), "compile"),
                Arguments.of(List.of("--project=ws", "-qv", "-Dx=y", "release", "seal", "w1"),
                        "release"),
                Arguments.of(List.of("--color", "NEVER", "check"), "check"),
                Arguments.of(List.of("version", "--check"), "version"),
                Arguments.of(List.of("--version"), ""),
                Arguments.of(List.of("-V"), ""),
                Arguments.of(List.of(), ALL),
                Arguments.of(List.of("--help"), ALL),
                Arguments.of(List.of("--version", "--help"), ALL),
                Arguments.of(List.of("-h", "compile"), ALL),
                Arguments.of(List.of("--version", "compile"), "compile"),
                Arguments.of(List.of("help", "compile"), ALL),
                Arguments.of(List.of("completion"), ALL),
                Arguments.of(List.of("compil"), ALL),
                Arguments.of(List.of("--bogus", "compile"), ALL),
                Arguments.of(List.of("--color", "purple", "compile"), ALL),
                Arguments.of(List.of("--", "compile"), ALL),
                Arguments.of(List.of("@arguments.txt"), ALL),
                Arguments.of(List.of("compile", "@arguments.txt"), ALL));
    }

    @ParameterizedTest
    @MethodSource("arguments")
    void buildsTheCommandTheArgumentsName(List<String> args, String expected) {
        CommandLine tree = CommandTree.forArguments(command(), CommandTreeTest::command,
                args.toArray(String[]::new));
        List<String> names = List.copyOf(tree.getSubcommands().keySet());
        if (expected.equals(ALL)) {
            assertThat(names).isEqualTo(
                    List.copyOf(CommandTree.whole(command()).getSubcommands().keySet()))
                    .hasSize(StorycCommand.SUBCOMMANDS.size());
        } else if (expected.isEmpty()) {
            assertThat(names).isEmpty();
        } else {
            assertThat(names).containsExactly(expected);
        }
    }

    /**
     * Every command's help, from a tree with that command only, is byte for byte the help {@code
     * storyc help} prints from the whole tree.
     */
    @ParameterizedTest
    @MethodSource("names")
    void aCommandAloneHasTheHelpItHasInTheWholeTree(String name) {
        Storyc.Outcome alone = run(name, "--help");
        Storyc.Outcome whole = run("help", name);
        assertThat(alone.exitCode()).isZero();
        assertThat(alone.stdout()).startsWith("Usage: storyc " + name).isEqualTo(whole.stdout());
    }

    /** The top level's help lists every command whatever follows it, as it did from the whole tree. */
    @Test
    void theTopLevelsHelpBeforeACommandListsEveryCommand() {
        Storyc.Outcome outcome = run("-h", "compile");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEqualTo(run("--help").stdout())
                .contains("\n  compile  ", "\n  help  ");
    }

    /** The help of -D names every key a setting can have, so that none is found only by reading docs. */
    @Test
    void theHelpOfDefineNamesEverySetting() {
        String help = run("--help").stdout().replaceAll("\\s+", " ");
        for (dev.storyc.settings.Setting setting : dev.storyc.settings.Setting.values()) {
            assertThat(help).as(setting.key()).containsPattern("[ ,]" + java.util.regex.Pattern.quote(setting.key())
                    + "[,. ]");
        }
    }

    static Stream<String> names() {
        return CommandTree.whole(command()).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help"));
    }

    private static StorycCommand command() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return new StorycCommand(Map.of(), Path.of(""), sink, sink, false);
    }

    private static Storyc.Outcome run(String... args) {
        return Storyc.runIn(Path.of(""), Map.of(), args);
    }
}
