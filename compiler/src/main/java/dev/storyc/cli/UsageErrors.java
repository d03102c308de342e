package dev.storyc.cli;

import dev.storyc.datatest.TestReports;
import dev.storyc.diag.Spelling;

import java.util.List;
import java.util.Optional;

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
    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        String format = requestedFormat(args);
        Console console = new Console(command.getOut(), command.getErr(), false, false,
                format.equals("json") ? DiagnosticFormat.json
                        : format.equals("sarif") ? DiagnosticFormat.sarif : DiagnosticFormat.text);
        if (format.equals("junit")) {
            // test's report, named as test names it, so the CI job that collects it reads why.
            console.owe(run -> TestReports.junit(environmentOf(args), run));
        }
        Optional<String> afterSeparator = commandAfterSeparator(exception, command, args);
        if (afterSeparator.isPresent()) {
            String word = afterSeparator.get();
            console.failure("`" + word + "` follows `--`, which ends the options, so it is read as an argument,"
                            + " not as the command",
                    "drop the `--`: `" + (command.getCommandSpec().qualifiedName() + " " + word) + " ...`");
        } else {
            console.failure(message(exception, command), hint(exception, command));
        }
        console.finish(ExitCode.USAGE);
        return ExitCode.USAGE;
    }

    /**
     * The command name a {@code --} turned into an argument ({@code storyc -- compile}): "not a
     * storyc command" would deny a command the user can see in {@code --help}.
     */
    private static Optional<String> commandAfterSeparator(
            CommandLine.ParameterException exception, CommandLine command, String[] args) {
        if (!(exception instanceof CommandLine.UnmatchedArgumentException unmatched)
                || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String word = unmatched.getUnmatched().get(0);
        int separator = java.util.Arrays.asList(args).indexOf("--");
        boolean separated = separator >= 0 && java.util.Arrays.asList(args).subList(separator + 1, args.length)
                .contains(word);
        return separated && command.getSubcommands().containsKey(word) ? Optional.of(word) : Optional.empty();
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
        // A short option may carry its value attached: -Djobs=1, -p.
        boolean attached = !option.startsWith("--") && option.length() > 2;
        String name = attached ? option.substring(0, 2) : option;
        CommandLine.Model.OptionSpec global = command.getParent() == null ? null
                : topLevel(command).getCommandSpec().findOption(name);
        if (global != null && word.startsWith("-")) {
            // Picocli leaves a separate value unmatched after the option; the example carries it.
            boolean separateValue = global.arity().max() > 0 && !attached && !word.contains("=");
            // With no value at all, the example shows where one goes (`storyc -p DIR compile`).
            String written = !separateValue ? word
                    : unmatched.getUnmatched().size() > 1 ? word + " " + unmatched.getUnmatched().get(1)
                    : word + " " + global.paramLabel();
            return "`" + name + "` is an option of storyc itself: put it before the command, as in `storyc "
                    + written + " " + command.getCommandSpec().qualifiedName().replaceFirst("^storyc ", "") + " ...`";
        }
        // storyc's own options are candidates too: `--colour` means `--color`, wherever it goes.
        List<String> candidates = word.startsWith("-")
                ? java.util.stream.Stream.of(command, topLevel(command)).distinct()
                        .flatMap(c -> c.getCommandSpec().options().stream())
                        .flatMap(o -> java.util.Arrays.stream(o.names())).distinct().toList()
                : List.copyOf(command.getSubcommands().keySet());
        return Spelling.didYouMean(option, candidates).map(mean -> mean + " (" + help + ")").orElse(help);
    }

    /** Returns the top-level command, whose options go before any command's name. */
    private static CommandLine topLevel(CommandLine command) {
        CommandLine top = command;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top;
    }

    /**
     * Returns the document format the command line asked for ({@code json}, {@code sarif}, {@code
     * junit}), lower case, or {@code text}: a script that asked for one reads it, however the
     * command ends (round 21: SARIF and JUnit were left empty).
     */
    static String requestedFormat(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--json")) {
                return "json";
            }
            String value = args[i].startsWith("--format=") ? args[i].substring("--format=".length())
                    : args[i].equals("--format") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null && List.of("json", "sarif", "junit").contains(value.toLowerCase(java.util.Locale.ROOT))) {
                return value.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "text";
    }

    /** Returns the environment the command line names with {@code -e}/{@code --env}, as test would. */
    private static String environmentOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--env=")) {
                return args[i].substring("--env=".length());
            }
            if ((args[i].equals("--env") || args[i].equals("-e")) && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return "default";
    }
}
