package dev.storyc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Lays out the description, options, parameters and command list of every help page. Picocli's
 * own layout breaks lines with {@link java.text.BreakIterator}, which splits
 * {@code environments.toml} and {@code git.token_env} at the dot; this one breaks at spaces only.
 * The command list shows each command's first sentence, never a line cut mid-sentence.
 */
final class HelpLayout {
    private static final int INDENT = 2;
    private static final int MAX_LABEL = 26;

    private HelpLayout() {}

    /** Installs the layout on {@code commandLine} and every command beneath it. */
    static void install(CommandLine commandLine) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = commandLine.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        sections.put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        commandLine.getSubcommands().values().forEach(HelpLayout::install);
    }

    /** Returns the first sentence of a command's description: what a listing of commands shows. */
    static String summary(CommandSpec spec) {
        String text = plain(String.join(" ", spec.usageMessage().description()))
                .replace('\n', ' ').strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String description(CommandLine.Help help) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : help.commandSpec().usageMessage().description()) {
            for (String line : plain(paragraph).split("\n", -1)) {
                wrap(out, "", line, width(help), 0);
            }
        }
        return out.toString();
    }

    /** Expands the format sequences Picocli's descriptions may hold: {@code %n}, {@code %%}. */
    private static String plain(String text) {
        return text.replace("%n", "\n").replace("%%", "%");
    }

    private static String parameters(CommandLine.Help help) {
        return table(parameterRows(help), width(help), column(help));
    }

    private static String options(CommandLine.Help help) {
        return table(optionRows(help), width(help), column(help));
    }

    /** Returns the column descriptions start at, shared by parameters and options as in Picocli. */
    private static int column(CommandLine.Help help) {
        List<String[]> rows = new ArrayList<>(parameterRows(help));
        rows.addAll(optionRows(help));
        return columnOf(rows);
    }

    private static List<String[]> parameterRows(CommandLine.Help help) {
        List<String[]> rows = new ArrayList<>();
        for (PositionalParamSpec parameter : help.commandSpec().positionalParameters()) {
            if (!parameter.hidden()) {
                rows.add(new String[] {"    " + parameter.paramLabel(), text(parameter)});
            }
        }
        return rows;
    }

    private static List<String[]> optionRows(CommandLine.Help help) {
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec option : help.commandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            String shortName = "";
            List<String> longNames = new ArrayList<>();
            for (String name : option.names()) {
                if (name.length() == 2 && shortName.isEmpty()) {
                    shortName = name;
                } else {
                    longNames.add(name);
                }
            }
            String label = shortName.isEmpty() ? "    "
                    : shortName + (longNames.isEmpty() ? "" : ", ");
            label += String.join(", ", longNames);
            if (option.typeInfo().isBoolean() && option.arity().max() == 0) {
                rows.add(new String[] {label, text(option)});
            } else {
                rows.add(new String[] {label + "=" + option.paramLabel(), text(option)});
            }
        }
        return rows;
    }

    private static String commands(CommandLine.Help help) {
        List<String[]> rows = new ArrayList<>();
        help.commandSpec().subcommands().forEach((name, sub) -> {
            boolean hidden = sub.getCommandSpec().usageMessage().hidden();
            if (!hidden && name.equals(sub.getCommandName())) {
                rows.add(new String[] {name, summary(sub.getCommandSpec())});
            }
        });
        return table(rows, width(help), columnOf(rows));
    }

    /** Returns where descriptions start: after the longest label that is not too long, plus two. */
    private static int columnOf(List<String[]> rows) {
        int labels = rows.stream().mapToInt(r -> r[0].length()).filter(n -> n <= MAX_LABEL).max()
                .orElse(0);
        return INDENT + labels + 2;
    }

    private static String text(ArgSpec arg) {
        return plain(String.join(" ", arg.description())).replace('\n', ' ').strip();
    }

    private static String table(List<String[]> rows, int width, int column) {
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            String label = " ".repeat(INDENT) + row[0];
            if (label.length() + 2 > column) {
                out.append(label).append('\n');
                wrap(out, " ".repeat(column), row[1], width, column);
            } else {
                wrap(out, label + " ".repeat(column - label.length()), row[1], width, column);
            }
        }
        return out.toString();
    }

    /** Appends {@code text} after {@code first}, wrapped at spaces, later lines indented. */
    private static void wrap(StringBuilder out, String first, String text, int width, int indent) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && line.length() + 1 + word.length() > width) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(" ".repeat(indent + (indent > 0 ? 2 : 0)));
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static int width(CommandLine.Help help) {
        return help.commandSpec().usageMessage().width();
    }
}
