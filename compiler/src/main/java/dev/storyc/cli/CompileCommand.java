package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.SourceRevision;
import java.nio.file.Path;
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

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Where output repositories go, one folder per environment; the only way to write"
                    + " outside the workspace. Default: each environment's output.path, else the `output`"
                    + " setting, else out/ in the workspace.")
    Path out;

    @Override
    public Integer call() {
        Console console = root.console(output.format);
        Project project = root.openProject(console);
        var selected = environments.select(project, root.settings(), console);
        var folders = OutputFolders.approve(project, root.settings(), out, selected, console);
        var compilation = Compilation.run(project, selected,
                root.processLookup(), console);
        folders.require();
        String source = SourceRevision.describe(project.root());
        int committed = 0;
        for (CompiledEnvironment fresh : compilation.environments()) {
            Environment environment = fresh.environment();
            Path directory = folders.folder(environment);
            try (OutputRepository repository = OutputRepository.openOrCreate(directory, environment.output().branch(),
                    root.progress(1))) {
                OutputCommit.Outcome outcome = OutputCommit.commit(repository, fresh, project.workspace().stdlib(),
                        compilation.compiler().renderer(), source);
                committed += outcome.committed() ? 1 : 0;
                console.result(String.format("%-9s %-16s %-10s %2d stories  %s  %s",
                        outcome.committed() ? "committed" : "unchanged", environment.name(),
                        fresh.selection().releaseName(), fresh.selection().stories().size(),
                        outcome.result().commit().substring(0, 12),
                        outcome.committed() ? outcome.summary().describe(!environment.takesAllStories()) : "no commit"));
            } catch (PublishException e) {
                console.failure(e.getMessage(), e.hint());
                return ExitCode.OPERATION_FAILED;
            }
        }
        console.result(String.format("%d environment%s compiled, %d committed", compilation.environments().size(),
                compilation.environments().size() == 1 ? "" : "s", committed));
        return ExitCode.OK;
    }
}
