package dev.storyc.cli;

import dev.storyc.diag.Spelling;

import java.util.List;
import java.util.Set;

import picocli.CommandLine;

/**
 * Reports a command line Picocli cannot parse as every other usage error is reported: one {@code
 * error:} line and a hint, exit 2, and the failure document when the line asked for JSON. Picocli's
 * own handler printed the command's whole help (13 to 29 lines) under the message, left stdout
 * empty for a script that asked for a document, and suggested {@code cache} for {@code chek}
 * (round 20). The hint is storyc's: the command a typo is closest to, or, for an option of storyc
 * itself written after the command, where it goes.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    /** The options of the top-level command, which go before the command's name. */
    private static final Set<String> GLOBAL = Set.of("-p", "--project", "--color", "-D", "-q", "--quiet", "-v",
            "--verbose");

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        Console console = new Console(command.getOut(), command.getErr(), false, false,
                asksForJson(args) ? DiagnosticFormat.json : DiagnosticFormat.text);
        console.failure(message(exception, command), hint(exception, command));
        console.finish(ExitCode.USAGE);
        return ExitCode.USAGE;
    }

    /** Picocli's message, but for a word where a command or no argument belongs. */
    private static String message(CommandLine.ParameterException exception, CommandLine command) {
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String word = unmatched.getUnmatched().get(0);
            String qualified = command.getCommandSpec().qualifiedName();
            return command.getSubcommands().isEmpty()
                    ? "`" + qualified + "` does not take the argument `" + word + "`"
                    : "`" + (qualified + " " + word).replaceFirst("^storyc ", "") + "` is not a storyc command";
        }
        return exception.getMessage();
    }

    private static String hint(CommandLine.ParameterException exception, CommandLine command) {
        String help = "see `" + command.getCommandSpec().qualifiedName() + " --help`";
        if (!(exception instanceof CommandLine.UnmatchedArgumentException unmatched)
                || unmatched.getUnmatched().isEmpty()) {
            return help;
        }
        String word = unmatched.getUnmatched().get(0);
        String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        if (command.getParent() != null && (GLOBAL.contains(option) || option.startsWith("-D") && option.length() > 2)) {
            // Picocli leaves the option's value unmatched after it; the example carries it along.
            boolean takesValue = !option.equals("-q") && !option.equals("--quiet") && !option.equals("-v")
                    && !option.equals("--verbose") && !word.contains("=") && !(option.startsWith("-D") && option.length() > 2);
            String written = takesValue && unmatched.getUnmatched().size() > 1
                    ? word + " " + unmatched.getUnmatched().get(1) : word;
            return "`" + option + "` is an option of storyc itself: put it before the command, as in `storyc "
                    + written + " " + command.getCommandSpec().qualifiedName().replaceFirst("^storyc ", "") + " ...`";
        }
        List<String> candidates = word.startsWith("-")
                ? command.getCommandSpec().options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).toList()
                : List.copyOf(command.getSubcommands().keySet());
        return Spelling.didYouMean(option, candidates).map(mean -> mean + " (" + help + ")").orElse(help);
    }

    /** Returns true when the command line asked for a JSON document, which a script then reads. */
    static boolean asksForJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return false;
            }
            if (args[i].equals("--json") || args[i].equalsIgnoreCase("--format=json")
                    || args[i].equals("--format") && i + 1 < args.length && args[i + 1].equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }
}
