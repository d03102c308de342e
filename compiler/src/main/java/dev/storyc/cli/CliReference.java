package dev.storyc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes {@code docs/cli.md}, the command-line reference, from the same Picocli model that parses
 * the command line, so the reference and the program cannot disagree. A test compares the file
 * with this output and fails when it is stale.
 */
public final class CliReference {
    private CliReference() {}

    /** Returns the reference as Markdown: every command, its synopsis, description and options. */
    public static String markdown() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandLine root = CommandTree.whole(
                new StorycCommand(Map.of(), Path.of(""), sink, sink, false));
        StringBuilder out = new StringBuilder();
        out.append("# Command-line reference\n\n")
                .append("<!-- Generated from storyc's Picocli model by")
                .append(" dev.storyc.cli.CliReference;")
                .append(" do not edit.\n     CliReferenceTest fails when this file is stale;")
                .append(" STORYC_UPDATE_GOLDEN=1 rewrites it. -->\n\n")
                .append("Every command also takes `-h`/`--help`.")
                .append(" `storyc help COMMAND...` prints the")
                .append(" same help.\nExit codes: `0` success, `1` the project has errors, `2`")
                .append(" command-line usage, `3` an\noperation failed, `70` a bug in storyc.\n");
        command(root, out);
        return out.toString();
    }

    private static void command(CommandLine commandLine, StringBuilder out) {
        CommandSpec spec = commandLine.getCommandSpec();
        CommandLine.Help help = new CommandLine.Help(spec,
                CommandLine.Help.defaultColorScheme(Ansi.OFF));
        out.append("\n## `").append(spec.qualifiedName()).append("`\n\n```\n")
                .append(help.synopsis(0).stripTrailing()).append("\n```\n\n");
        for (String paragraph : spec.usageMessage().description()) {
            if (!paragraph.isBlank()) {
                out.append(escape(paragraph.replace("%n", " "))).append('\n');
            }
        }
        StringBuilder rows = new StringBuilder();
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                row(rows, parameter.paramLabel(), parameter);
            }
        }
        for (OptionSpec option : spec.options()) {
            boolean standard = option.usageHelp() || option.versionHelp() && spec.parent() != null;
            if (option.hidden() || standard) {
                continue;
            }
            String names = String.join(", ", option.names());
            boolean flag = option.typeInfo().isBoolean() && option.arity().max() == 0;
            row(rows, flag ? names : names + " " + option.paramLabel(), option);
        }
        if (!rows.isEmpty()) {
            out.append("\n| Argument | Meaning |\n|---|---|\n").append(rows);
        }
        commandLine.getSubcommands().forEach((name, sub) -> {
            boolean hidden = sub.getCommandSpec().usageMessage().hidden();
            if (name.equals(sub.getCommandName()) && !hidden) {
                command(sub, out);
            }
        });
    }

    private static void row(StringBuilder rows, String label, ArgSpec arg) {
        rows.append("| `").append(label).append("` | ")
                .append(escape(String.join(" ", arg.description()).replace("%n", " "))
                        .replace("|", "\\|"))
                .append(" |\n");
    }

    /**
     * Keeps {@code releases/<name>.toml} and {@code STORYC_*} as written: Markdown hides what looks
     * like a tag, and a star starts italics.
     */
    private static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*");
    }
}
