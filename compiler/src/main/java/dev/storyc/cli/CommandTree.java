package dev.storyc.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Picocli command tree of one run. Picocli builds a command's model by reading its annotations
 * through reflection, eagerly and for every subcommand, and storyc has 53 commands: building all
 * of them was a third of what {@code storyc --version} cost (0.169 s against 0.109 s without them,
 * with the launcher's class-data archive). A run executes one command, so it gets the top-level
 * command and the one its arguments name, with that command's own subcommands. Which one is named
 * is Picocli's answer, not a second parser's: the top-level command alone parses the arguments and
 * stops at the first word it does not know.
 *
 * <p>The top level's {@code --version} needs no subcommand. Every other run that could look beyond
 * its own command gets the whole tree, so it behaves exactly as before: the top level's {@code
 * --help}, even with a command's name after it; no command named (a usage error); a name that is
 * not a command (Picocli's "did you mean"); {@code help} and {@code completion}, which walk the
 * tree; a {@code --} before the name; and {@code @file} arguments, which Picocli expands.
 */
final class CommandTree {
    /** The commands that read the whole tree. */
    private static final List<String> READ_THE_TREE = List.of("help", "completion");

    private CommandTree() {}

    /** Returns the top-level command with every subcommand: for help, completion and docs/cli.md. */
    static CommandLine whole(StorycCommand root) {
        CommandLine commandLine = new CommandLine(root);
        for (Class<?> subcommand : StorycCommand.SUBCOMMANDS) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine;
    }

    /**
     * Returns the tree that {@code args} need: the top-level command with the subcommands {@link
     * #needed} names.
     *
     * @param scratch makes a top-level command to parse {@code args} with, thrown away afterwards,
     *     so that {@code root}'s fields are set only by the run itself
     */
    static CommandLine forArguments(StorycCommand root, Supplier<StorycCommand> scratch,
            String... args) {
        CommandLine commandLine = new CommandLine(root);
        for (Class<?> subcommand : needed(scratch.get(), args)) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine;
    }

    /**
     * Returns the subcommands a run with {@code args} needs: the one they name, none for the
     * top level's {@code --version}, and all of them otherwise (see the class comment).
     */
    static List<Class<?>> needed(StorycCommand scratch, String... args) {
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return StorycCommand.SUBCOMMANDS;
            }
        }
        CommandLine topLevel = new CommandLine(scratch)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setStopAtUnmatched(true);
        CommandLine.ParseResult parsed;
        try {
            parsed = topLevel.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return StorycCommand.SUBCOMMANDS;
        }
        // The top level's help lists every command, even when a command's name follows it.
        if (parsed.isUsageHelpRequested()) {
            return StorycCommand.SUBCOMMANDS;
        }
        // Stopping at the first word it does not know, Picocli leaves it and everything after it
        // unmatched, without an error.
        List<String> rest = parsed.unmatched();
        if (rest.isEmpty()) {
            return parsed.isVersionHelpRequested() ? List.of() : StorycCommand.SUBCOMMANDS;
        }
        int at = args.length - rest.size();
        if (!args[at].equals(rest.get(0))
                || Arrays.asList(args).subList(0, at).contains("--")
                || READ_THE_TREE.contains(rest.get(0))) {
            return StorycCommand.SUBCOMMANDS;
        }
        Class<?> named = byName().get(rest.get(0));
        return named == null ? StorycCommand.SUBCOMMANDS : List.of(named);
    }

    /**
     * Gives every command of the tree the top level's version: each one's help offers {@code
     * -V, --version}, and a command without a provider printed nothing and exited 0, so a CI step
     * that meant {@code -v} passed without checking anything (round 20).
     */
    static void shareVersion(CommandLine commandLine) {
        commandLine.getCommandSpec().versionProvider(new Version());
        commandLine.getSubcommands().values().forEach(CommandTree::shareVersion);
    }

    /** Returns every subcommand by its name and aliases. */
    private static Map<String, Class<?>> byName() {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> subcommand : StorycCommand.SUBCOMMANDS) {
            Command command = subcommand.getAnnotation(Command.class);
            byName.put(command.name(), subcommand);
            for (String alias : command.aliases()) {
                byName.put(alias, subcommand);
            }
        }
        return byName;
    }
}
