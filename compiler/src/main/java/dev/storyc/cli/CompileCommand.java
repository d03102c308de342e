package dev.storyc.cli;

import dev.storyc.compile.OutputCommit;
import dev.storyc.compile.OutputWrites;
import dev.storyc.compile.ProjectCompiler;
import dev.storyc.config.Environment;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.RepositoryOutputStore;
import dev.storyc.publish.SourceRevision;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code storyc compile}: compiles environments and commits each one's output repository. Every
 * selected environment is compiled and checked before any repository is touched, so a mistake in
 * one environment never leaves the others half-updated.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile environments into their output git repositories.",
                "Makes at most one commit per environment, and none when nothing changed."})
final class CompileCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Mixin
    EnvironmentOptions environments;

    @Mixin
    FormatOption output;

    @Mixin
    WorkingTreeOption workingTree;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Where output repositories go, one folder per environment; the only way to write"
                    + " outside the workspace. Default: each environment's output.path, else the `output`"
                    + " setting, else out/ in the workspace.")
    Path out;

    /**
     * Two by default, not every processor: each job keeps its own check caches for the whole run,
     * so at 5,000 stories x 12 environments one job peaks at 1.3 GB and two at 1.9 GB, while a
     * third core would save less than the second did.
     */
    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Environments compiled and written at once; the output is the same"
                    + " for any number, and each job holds its own caches. Default: 2, or 1 on"
                    + " one processor.")
    Integer jobs;

    @Override
    public Integer call() {
        Console console = root.console(output.format);
        int parallelism = jobs == null
                ? Math.min(2, Runtime.getRuntime().availableProcessors()) : jobs;
        if (parallelism < 1) {
            console.failure("--jobs must be at least 1", null);
            return ExitCode.USAGE;
        }
        Project project = root.openProject(console);
        var selected = environments.select(project, root.settings(), console);
        var folders = OutputFolders.approve(project, root.settings(), out, selected, console);
        var compilation = Compilation.run(project, selected,
                root.processLookup(), console, parallelism);
        folders.require();
        String source = SourceRevision.describe(project.root());
        OutputWrites.Outcome<Written> written;
        try {
            written = OutputWrites.writeAll(compilation.environments(),
                    new Writer(folders, compilation, source, parallelism), parallelism);
        } catch (PublishException e) {
            console.failure(e.getMessage(), e.hint());
            return ExitCode.OPERATION_FAILED;
        }
        if (written instanceof OutputWrites.Outcome.Refused<Written> refused) {
            console.failure(refused.problem() + "; nothing was written",
                    "storyc only writes into repositories it created; move the folder away or pass --out DIR");
            return ExitCode.OPERATION_FAILED;
        }
        List<Written> results = ((OutputWrites.Outcome.Written<Written>) written).results();
        // Printed in the order selected, whichever environment finished first.
        results.forEach(result -> console.result(result.line()));
        long committed = results.stream().filter(result -> result.outcome().committed()).count();
        console.result(String.format("%d environment%s compiled, %d committed", compilation.environments().size(),
                compilation.environments().size() == 1 ? "" : "s", committed));
        return ExitCode.OK;
    }

    /** What writing one environment did, and the line that reports it. */
    private record Written(OutputCommit.Outcome outcome, String line) {}

    /** Commits each environment into its folder's repository and describes it in one line. */
    private final class Writer implements OutputWrites.Writer<Written, PublishException> {
        private final OutputFolders.Approval folders;
        private final ProjectCompiler.Compiled compilation;
        private final String source;
        private final int jobs;

        Writer(OutputFolders.Approval folders, ProjectCompiler.Compiled compilation, String source,
                int jobs) {
            this.folders = folders;
            this.compilation = compilation;
            this.source = source;
            this.jobs = jobs;
        }

        @Override
        public Optional<String> problemWith(CompiledEnvironment compiled) {
            return OutputRepository.problemWith(folderOf(compiled.environment()));
        }

        @Override
        public Written write(CompiledEnvironment fresh) throws PublishException {
            Environment environment = fresh.environment();
            try (OutputRepository repository = OutputRepository.openOrCreate(folderOf(environment),
                    environment.output().branch(), root.progress(jobs),
                    workingTree.keptFor(environment))) {
                OutputCommit.Outcome outcome = compilation.commit(new RepositoryOutputStore(repository), fresh,
                        source);
                return new Written(outcome, String.format("%-9s %-16s %-10s %2d stories  %s  %s",
                        outcome.committed() ? "committed" : "unchanged", environment.name(),
                        fresh.selection().releaseName(), fresh.selection().stories().size(),
                        outcome.commit().id().substring(0, 12),
                        outcome.committed() ? outcome.summary().describe(!environment.takesAllStories())
                                : "no commit"));
            }
        }

        private Path folderOf(Environment environment) {
            return folders.folder(environment);
        }
    }
}
