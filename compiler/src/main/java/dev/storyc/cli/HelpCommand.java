package dev.storyc.cli;

import dev.storyc.diag.Spelling;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Parameters;

/**
 * {@code storyc help [COMMAND...]}: the help of any command, however deep, such as
 * {@code storyc help release seal}. Picocli's built-in help command looks at its first word only,
 * so it printed the help of {@code release} for that.
 */
@Command(name = "help", helpCommand = true,
        description = "Show the help of a command, such as: storyc help release seal.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command, and its subcommand.")
    List<String> path = new ArrayList<>();

    private CommandLine parent;
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out,
            PrintWriter err) {
        this.parent = helpCommandLine.getParent();
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        CommandLine command = parent;
        for (String name : path) {
            CommandLine next = command.getSubcommands().get(name);
            if (next == null) {
                err.println("error: `" + String.join(" ", path) + "` is not a storyc command");
                String known = Spelling.didYouMean(name, command.getSubcommands().keySet())
                        .orElse("`" + qualified(command) + " --help` lists the commands");
                err.println("  = help: " + known);
                err.flush();
                return ExitCode.USAGE;
            }
            command = next;
        }
        command.usage(out, Ansi.OFF);
        out.flush();
        return ExitCode.OK;
    }

    private static String qualified(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }
}
