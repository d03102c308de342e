package dev.storyc.cli;

import dev.storyc.check.Checks;
import dev.storyc.compile.EnvironmentCompiler;
import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Result;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.publish.GitContentIds;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.release.ReleaseParser;
import dev.storyc.warehouse.PinnedChangeEdits;
import dev.storyc.workspace.PinnedStories;
import dev.storyc.workspace.SourceRepository;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Compiles the selected environments in memory and prints every problem. Nothing is written here:
 * check stops after this, and compile publishes only when every environment compiled cleanly.
 *
 * <p>An environment on a sealed release compiles its stories from the pinned git trees, so it
 * gets one compiler per release; the others share the working tree's.
 */
final class Compilation {
    private Compilation() {}

    record Compiled(EnvironmentCompiler compiler, List<CompiledEnvironment> environments) {}

    /** Diagnostics found while compiling one version of the workspace (working tree or a pinned release). */
    private record Found(Workspace workspace, List<SameInEnvironments.Found> diagnostics) {
        /** Returns the list for {@code workspace}, compared by identity: workspaces are large values. */
        static List<SameInEnvironments.Found> in(List<Found> all, Workspace workspace) {
            for (Found found : all) {
                if (found.workspace() == workspace) {
                    return found.diagnostics();
                }
            }
            Found added = new Found(workspace, new ArrayList<>());
            all.add(added);
            return added.diagnostics();
        }
    }

    /**
     * @param processEnvironment the variables secrets are read from, so the secret check can find
     *     their values in outputs
     */
    static Compiled run(Project project, List<Environment> environments,
            Function<String, Optional<String>> processEnvironment, Console console) {
        return run(project, environments, processEnvironment, console, 1);
    }

    /**
     * Compiles with up to {@code jobs} environments at once. Each parallel task gets its own
     * compiler, because a renderer serves one environment at a time; one job shares a compiler per
     * workspace, so templates compile once.
     */
    static Compiled run(Project project, List<Environment> environments,
            Function<String, Optional<String>> processEnvironment, Console console, int jobs) {
        EnvironmentCompiler workingTree = compiler(project, project.workspace(), processEnvironment);
        Map<String, Result<EnvironmentCompiler>> pinned = new HashMap<>();
        // Grouped by the workspace they were found in: a pinned story's line must be quoted from
        // the pinned text, not from the working tree's version of the same file.
        List<Found> diagnostics = new ArrayList<>();
        diagnostics.add(new Found(project.workspace(), new ArrayList<>()));
        boolean failed = false;
        List<Callable<Result<CompiledEnvironment>>> tasks = new ArrayList<>();
        List<EnvironmentCompiler> taskCompilers = new ArrayList<>();
        List<String> taskEnvironments = new ArrayList<>();
        Optional<SourceRepository> repository = Optional.empty();
        try {
            for (Environment environment : environments) {
                Optional<ReleaseManifest> sealed = sealedRelease(project.workspace(), environment);
                Result<EnvironmentCompiler> compiler;
                if (sealed.isEmpty()) {
                    compiler = Result.of(workingTree, List.of());
                } else {
                    if (repository.isEmpty()) {
                        repository = SourceRepository.find(project.root());
                    }
                    Optional<SourceRepository> source = repository;
                    compiler = pinned.computeIfAbsent(sealed.get().name(),
                            name -> pinnedCompiler(project, sealed.get(), source, processEnvironment));
                }
                compiler.diagnostics().forEach(d -> diagnostics.get(0).diagnostics()
                        .add(new SameInEnvironments.Found(Optional.empty(), d)));
                if (!compiler.ok()) {
                    failed = true;
                    continue;
                }
                EnvironmentCompiler task = jobs == 1 ? compiler.get()
                        : compiler(project, compiler.get().workspace(), processEnvironment);
                taskCompilers.add(compiler.get());
                taskEnvironments.add(environment.name());
                tasks.add(() -> task.compile(environment));
            }
        } finally {
            repository.ifPresent(SourceRepository::close);
        }
        List<CompiledEnvironment> compiled = new ArrayList<>();
        List<Result<CompiledEnvironment>> results = Parallel.all(tasks, jobs);
        for (int i = 0; i < results.size(); i++) {
            Result<CompiledEnvironment> result = results.get(i);
            Optional<String> environment = Optional.of(taskEnvironments.get(i));
            List<SameInEnvironments.Found> into = Found.in(diagnostics, taskCompilers.get(i).workspace());
            result.diagnostics().forEach(d -> into.add(new SameInEnvironments.Found(environment, d)));
            if (result.ok()) {
                compiled.add(result.get());
            } else {
                failed = true;
            }
        }
        console.mask(Checks.secretValues(project.environments(), processEnvironment));
        diagnostics.forEach(found -> console.diagnostics(SameInEnvironments.merge(found.diagnostics()),
                found.workspace().allSources()));
        if (failed) {
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        return new Compiled(workingTree, compiled);
    }

    /** Returns the environment's release when it is sealed; parse errors surface in the compile. */
    private static Optional<ReleaseManifest> sealedRelease(Workspace workspace, Environment environment) {
        if (environment.takesAllStories() || !workspace.releases().containsKey(environment.release())) {
            return Optional.empty();
        }
        return ReleaseParser.parse(environment.release(), workspace.releases().get(environment.release()),
                new Diagnostics()).filter(ReleaseManifest::isSealed);
    }

    private static EnvironmentCompiler compiler(Project project, Workspace workspace,
            Function<String, Optional<String>> processEnvironment) {
        return new EnvironmentCompiler(workspace, new GitContentIds(), Version.number(), project.environments(),
                processEnvironment);
    }

    private static Result<EnvironmentCompiler> pinnedCompiler(Project project, ReleaseManifest release,
            Optional<SourceRepository> repository, Function<String, Optional<String>> processEnvironment) {
        List<PinnedStories.Pin> pins = release.stories().stream()
                .filter(entry -> release.pins().containsKey(entry.story()))
                .map(entry -> new PinnedStories.Pin(entry.story(), release.pins().get(entry.story()),
                        release.pinPositions().get(entry.story())))
                .toList();
        Result<Map<StoryId, Story>> stories = PinnedStories.load(repository, pins, release.name());
        if (!stories.ok()) {
            return Result.failed(stories.diagnostics());
        }
        List<Diagnostic> found = new ArrayList<>(stories.diagnostics());
        found.addAll(PinnedChangeEdits.check(release.name(), project.workspace().stories(), stories.get()));
        return Result.of(compiler(project, project.workspace().withStories(stories.get()), processEnvironment),
                found);
    }
}
