package dev.storyc.cli;

import dev.storyc.check.Checks;
import dev.storyc.compile.ProjectCompiler;
import dev.storyc.compile.Reuse;
import dev.storyc.config.Environment;
import dev.storyc.emit.ContentIds;
import dev.storyc.publish.GitContentIds;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The CLI's side of a compile: builds the {@link ProjectCompiler}'s inputs from the project (git
 * for content ids and pinned trees), runs it, prints what it found, and ends the command with
 * exit code 1 when any environment failed. Nothing is written here.
 */
final class Compilation {
    private Compilation() {}

    /**
     * @param processEnvironment the variables secrets are read from, so the secret check can find
     *     their values in outputs
     */
    static ProjectCompiler.Compiled run(Project project, List<Environment> environments,
            Function<String, Optional<String>> processEnvironment, Console console) {
        return run(project, environments, processEnvironment, console, 1);
    }

    /** Compiles with up to {@code jobs} environments at once. */
    static ProjectCompiler.Compiled run(Project project, List<Environment> environments,
            Function<String, Optional<String>> processEnvironment, Console console, int jobs) {
        return run(project, environments, processEnvironment, console, jobs, Reuse.NONE);
    }

    /**
     * Compiles with up to {@code jobs} environments at once, skipping those {@code reuse} vouches
     * for.
     */
    static ProjectCompiler.Compiled run(Project project, List<Environment> environments,
            Function<String, Optional<String>> processEnvironment, Console console, int jobs,
            Reuse reuse) {
        return run(project, environments, processEnvironment, console, jobs, reuse,
                new GitContentIds());
    }

    /**
     * Compiles as {@link #run(Project, List, Function, Console, int, Reuse)} does, with the story
     * tree ids {@code contentIds} gives (remembered ones, say).
     */
    static ProjectCompiler.Compiled run(Project project, List<Environment> environments,
            Function<String, Optional<String>> processEnvironment, Console console, int jobs,
            Reuse reuse, ContentIds contentIds) {
        ProjectCompiler.Inputs inputs = new ProjectCompiler.Inputs(project.workspace(),
                project.environments(), contentIds, Version.number(), processEnvironment);
        ProjectCompiler.Compiled compiled;
        try (GitPinnedSources pinned = new GitPinnedSources(project.root())) {
            compiled = new ProjectCompiler(inputs, pinned, jobs, reuse).compile(environments);
        }
        for (ProjectCompiler.UpToDate reused : compiled.upToDate()) {
            console.info("environment " + reused.environment().name()
                    + ": its inputs match an earlier clean compile in " + WorkspaceCache.FOLDER
                    + "; not compiled again (--no-cache compiles it)");
        }
        console.mask(Checks.secretValues(project.environments(), processEnvironment));
        for (ProjectCompiler.Findings findings : compiled.findings()) {
            console.diagnostics(findings.diagnostics(), findings.workspace().allSources());
        }
        if (compiled.failed()) {
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        return compiled;
    }
}
