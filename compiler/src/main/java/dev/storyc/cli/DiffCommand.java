package dev.storyc.cli;

import dev.storyc.compile.OutputPreview;
import dev.storyc.config.Environment;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.publish.FileTrees;
import dev.storyc.publish.OutputState;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.UnifiedDiff;
import dev.storyc.settings.SettingsLoader;
import dev.storyc.site.DiffReport;
import dev.storyc.site.OutputChanges;
import dev.storyc.workspace.SourceRepository;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code storyc diff}: what a compile of one environment would change, file by file, as a reviewer
 * reads it. Compares the working tree's compile with what the output repository holds, or with what
 * another commit of the workspace compiles to. Writes nothing but a temporary copy of that commit,
 * which it removes.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Show the content an environment's output would change, grouped by story and layer.",
            "Without --against: from what out/ENV holds to what the working tree compiles to.",
            "With --against REF: from what the workspace at REF compiles to (a branch, tag or"
                    + " commit), as a pull request's reviewer wants to see it."
        },
        footer = {
            "",
            "Examples:",
            "  storyc diff --env production",
            "  storyc diff --env production --against origin/main --format markdown > pr.md",
            "See docs/site.md for the JSON document and docs/ci.md for a pull-request step."
        })
final class DiffCommand implements Callable<Integer> {
    enum Format {
        text,
        json,
        markdown
    }

    @ParentCommand StorycCommand root;

    @Option(
            names = {"-e", "--env"},
            required = true,
            paramLabel = "ENV",
            completionCandidates = NameCompletion.Environments.class,
            description = "The environment to compare.")
    String environment;

    @Option(
            names = "--against",
            paramLabel = "REF",
            description = "Compare with what the workspace at this commit compiles to.")
    String against;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Where output repositories are, as for compile. Default: as compile.")
    Path out;

    @Override
    public Integer call() {
        Console console = root.console();
        if (format == Format.json) {
            console.owe(dev.storyc.diag.JsonRenderer::render);
        }
        Project project = root.openProject(console);
        Environment selected = EnvCommand.find(project, environment, console);
        console.context("environment", selected.name());
        // Read-only: diff opens no repository for writing, so it inspects none.
        Path directory = OutputFolders.reading(project, root.settings(), out, console).folder(selected);
        Optional<OutputState> state;
        try {
            state = OutputState.read(directory, selected.output().branch());
        } catch (PublishException e) {
            console.failure(e.getMessage(), e.hint());
            return ExitCode.OPERATION_FAILED;
        }
        Function<String, Optional<String>> previous =
                state.<Function<String, Optional<String>>>map(OutputState::file)
                        .orElse(path -> Optional.empty());
        Map<String, String> after = compile(project, selected, previous, console);
        Map<String, String> before;
        DiffReport.Side from;
        if (against == null) {
            try {
                before = state.isPresent() ? state.get().files().read() : Map.of();
            } catch (PublishException e) {
                console.failure(e.getMessage(), e.hint());
                return ExitCode.OPERATION_FAILED;
            }
            Path shown =
                    directory.startsWith(project.root())
                            ? project.root().relativize(directory)
                            : directory;
            from =
                    new DiffReport.Side(
                            "output", Optional.of(shown.toString()), state.map(OutputState::head));
        } else {
            Path copy = createTemporaryFolder();
            try {
                String commit = export(project, copy, console);
                Project then = Project.open(copy, root.processValues(), console);
                // A change that adds the environment has nothing before it, as an environment
                // never compiled has nothing in its output: every file is added.
                Optional<Environment> old = then.environments().find(selected.name());
                if (old.isEmpty()) {
                    console.info("`" + selected.name() + "` is not defined at " + against
                            + ": every file is new");
                }
                before = old.isPresent() ? compile(then, old.get(), previous, console) : Map.of();
                from = new DiffReport.Side("ref", Optional.of(against), Optional.of(commit));
            } finally {
                delete(copy);
            }
        }
        OutputChanges changes = OutputChanges.between(before, after);
        DiffReport report =
                new DiffReport(
                        selected.name(),
                        from,
                        new DiffReport.Side("working-tree", Optional.empty(), Optional.empty()),
                        changes,
                        file -> UnifiedDiff.of(file.path(), file.before(), file.after()));
        console.out()
                .print(
                        switch (format) {
                            case text -> report.text();
                            case json -> report.json();
                            case markdown -> report.markdown();
                        });
        console.out().flush();
        return ExitCode.OK;
    }

    /**
     * Returns what a compile of the environment would commit on top of the output whose head files
     * {@code previous} reads.
     */
    private Map<String, String> compile(
            Project project,
            Environment environment,
            Function<String, Optional<String>> previous,
            Console console) {
        var compilation =
                Compilation.run(project, List.of(environment), root.processLookup(), console);
        return OutputPreview.onTopOf(compilation.environments().get(0), previous).tree().texts();
    }

    /** Writes the workspace at {@code --against} into {@code copy}; returns the commit id. */
    private String export(Project project, Path copy, Console console) {
        Optional<SourceRepository> repository = SourceRepository.find(project.root());
        if (repository.isEmpty()) {
            refuse(
                    console,
                    "`--against "
                            + against
                            + "` needs the workspace in a git repository, and `"
                            + project.root()
                            + "` is in none",
                    "commit the workspace to git, or leave out --against");
        }
        try (SourceRepository source = repository.get()) {
            return source.exportWorkspace(against, copy)
                    .orElseGet(
                            () -> {
                                refuse(
                                        console,
                                        "`"
                                                + against
                                                + "` names no commit of the workspace that holds"
                                                + " it",
                                        "give a branch, tag or commit id, such as `main`,"
                                                + " `origin/main` or `HEAD~1`");
                                return null;
                            });
        }
    }

    private static void refuse(Console console, String message, String hint) {
        console.diagnostics(
                List.of(
                        Diagnostic.error(
                                        Code.DIFF_UNKNOWN_REF,
                                        Position.ofFile(SettingsLoader.COMMAND_LINE),
                                        message)
                                .withHint(hint)),
                List.of());
        throw new CommandFailure(ExitCode.USAGE);
    }

    private static Path createTemporaryFolder() {
        try {
            return Files.createTempDirectory("storyc-diff-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            // A temporary folder left behind is the system's to clean; the diff itself is complete.
        }
    }
}
