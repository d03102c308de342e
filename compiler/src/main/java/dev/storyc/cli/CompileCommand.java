package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.emit.BackOut;
import dev.storyc.emit.ChangeSummary;
import dev.storyc.emit.CommitMessage;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.LockFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.emit.PreviousOutput;
import dev.storyc.publish.OutputRepository;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.PublishResult;
import dev.storyc.publish.SourceRevision;
import java.nio.file.Path;
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

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "How to print diagnostics: ${COMPLETION-CANDIDATES}. json and sarif go to stdout,"
                    + " everything else to stderr. Default: ${DEFAULT-VALUE}.")
    DiagnosticFormat format = DiagnosticFormat.text;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Where output repositories go, one folder per environment. Default: each environment's"
                    + " output.path, else the `output` setting, else out/ in the workspace.")
    Path out;

    @Override
    public Integer call() {
        Console console = root.console(format);
        Project project = root.openProject(console);
        var selected = environments.select(project, root.settings(), console);
        var compilation = Compilation.run(project, selected,
                name -> Optional.ofNullable(root.processEnvironment().get(name)), console);

        for (CompiledEnvironment compiled : compilation.environments()) {
            Path directory = outputDirectory(project, compiled.environment());
            Optional<String> problem = OutputRepository.problemWith(directory);
            if (problem.isPresent()) {
                console.failure(problem.get() + "; nothing was written",
                        "storyc only writes into repositories it created; move the folder away or pass --out DIR");
                return ExitCode.OPERATION_FAILED;
            }
        }
        String source = SourceRevision.describe(project.root());
        int committed = 0;
        for (CompiledEnvironment fresh : compilation.environments()) {
            Environment environment = fresh.environment();
            Path directory = outputDirectory(project, environment);
            try (OutputRepository repository = OutputRepository.openOrCreate(directory, environment.output().branch())) {
                Optional<LockFile> previous = repository.readAtHead(OutputLayout.LOCK).flatMap(LockFile::parse);
                CompiledEnvironment compiled = BackOut.apply(fresh, new PreviousOutput(previous, repository::fileAtHead));
                ChangeSummary summary = ChangeSummary.between(previous, compiled.lock());
                String message = CommitMessage.render(project.workspace().stdlib(), compilation.compiler().renderer(),
                        compiled, summary, source);
                PublishResult result = repository.publish(compiled.tree(), message);
                if (compiled.selection().release().filter(ReleaseManifest::isSealed).isPresent()) {
                    repository.tag("release/" + compiled.selection().releaseName(), result.commit());
                }
                boolean isNew = result instanceof PublishResult.Committed;
                committed += isNew ? 1 : 0;
                console.result(String.format("%-9s %-16s %-10s %2d stories  %s  %s",
                        isNew ? "committed" : "unchanged", environment.name(), compiled.selection().releaseName(),
                        compiled.selection().stories().size(), result.commit().substring(0, 12),
                        isNew ? summary.describe(!environment.takesAllStories()) : "no commit"));
            } catch (PublishException e) {
                console.failure(e.getMessage(), e.hint());
                return ExitCode.OPERATION_FAILED;
            }
        }
        console.result(String.format("%d environment%s compiled, %d committed", compilation.environments().size(),
                compilation.environments().size() == 1 ? "" : "s", committed));
        return ExitCode.OK;
    }

    private Path outputDirectory(Project project, Environment environment) {
        if (out != null) {
            return out.toAbsolutePath().normalize().resolve(environment.name());
        }
        return environment.output().path()
                .map(path -> project.root().resolve(path).normalize())
                .orElse(project.root().resolve(root.settings().output()).normalize().resolve(environment.name()));
    }
}
