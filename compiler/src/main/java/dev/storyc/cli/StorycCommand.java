package dev.storyc.cli;

import dev.storyc.publish.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level {@code storyc} command: global options, and the subcommands beneath it. */
@Command(
        name = "storyc",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Compiles analytics stories (warehouse schema, ETL, LookML views, explores and dashboards)",
            "into one git repository per environment.",
            ""
        },
        subcommands = {
            CompileCommand.class,
            CheckCommand.class,
            PushCommand.class,
            CiCommand.class,
            EnvCommand.class,
            StoryCommand.class,
            LookmlCommand.class,
            picocli.CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   the project has errors (diagnostics printed)",
            "  2   command-line usage",
            "  3   an operation failed (I/O, push rejected)",
            "  70  an internal bug in storyc; please report it",
            "",
            "Run `storyc help COMMAND` for a command's options."
        })
final class StorycCommand implements Callable<Integer> {
    @Option(names = {"-p", "--project"}, paramLabel = "DIR", description = "The workspace folder. Default: the current folder.")
    Path project = Path.of(".");

    @Option(names = "--color", paramLabel = "WHEN", description = "Colour diagnostics: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    ColorMode color = ColorMode.auto;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print more about what happens.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final Map<String, String> processEnvironment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;

    StorycCommand(Map<String, String> processEnvironment, PrintWriter out, PrintWriter err, boolean interactive) {
        this.processEnvironment = processEnvironment;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return ExitCode.USAGE;
    }

    Map<String, String> processEnvironment() {
        return processEnvironment;
    }

    Console console() {
        boolean useColor = switch (color) {
            case always -> true;
            case never -> false;
            case auto -> interactive && !processEnvironment.containsKey("NO_COLOR");
        };
        return new Console(out, err, useColor, quiet);
    }

    /**
     * Returns where progress goes: redrawn lines on a terminal when one job runs, plain log lines when
     * stderr is not a terminal, {@code CI} is set or jobs run in parallel, and only warnings with -q.
     */
    Progress progress(int jobs) {
        Progress.Style style = quiet ? Progress.Style.QUIET
                : interactive && jobs == 1 && !processEnvironment.containsKey("CI") ? Progress.Style.TERMINAL
                : Progress.Style.LINES;
        return Progress.to(err, style);
    }

    /** Returns the workspace root, normalised so that messages show a clean path. */
    Path projectRoot() {
        return project.toAbsolutePath().normalize();
    }

    Project openProject() {
        return Project.open(projectRoot(), processEnvironment, console());
    }
}
