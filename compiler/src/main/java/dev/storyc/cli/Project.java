package dev.storyc.cli;

import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.Environments;
import dev.storyc.config.Evaluation;
import dev.storyc.config.ProcessValues;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.workspace.ManifestMemo;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.StoryStamps;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded workspace and its evaluated environments: what every project command starts from.
 *
 * @param stamps the stamps of the stories' files, for a command that remembers what it derives
 *     from them; else {@link StoryStamps#NONE}
 */
record Project(Path root, Workspace workspace, Evaluation evaluation, StoryStamps stamps) {

    /** Loads the project, or prints why it cannot and ends the command with exit code 1. */
    static Project open(Path root, ProcessValues process, Console console) {
        return open(root, process, console, StoryStamps.NONE, ManifestMemo.NONE);
    }

    /**
     * Loads the project as {@link #open(Path, ProcessValues, Console)} does, stamping its stories
     * and parsing their manifests through {@code manifests}.
     */
    static Project open(Path root, ProcessValues process, Console console, StoryStamps stamps,
            ManifestMemo manifests) {
        Result<Workspace> loaded = WorkspaceLoader.load(root, StdlibLoader.load(), stamps,
                manifests);
        if (loaded.value().isEmpty()) {
            console.diagnostics(loaded.diagnostics(), List.of());
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        Workspace workspace = loaded.get();
        Result<Evaluation> evaluation = EnvironmentResolver.evaluate(workspace, process);
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        diagnostics.addAll(evaluation.diagnostics());
        console.diagnostics(diagnostics, workspace.allSources());
        if (!loaded.ok() || !evaluation.ok()) {
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        return new Project(root, workspace, evaluation.get(), stamps);
    }

    /** Loads the workspace alone, or prints why it cannot and ends the command with exit code 1. */
    static Workspace load(Path root, Console console) {
        Result<Workspace> loaded = WorkspaceLoader.load(root, StdlibLoader.load());
        if (loaded.value().isEmpty()) {
            console.diagnostics(loaded.diagnostics(), List.of());
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        console.diagnostics(loaded.diagnostics(), loaded.get().allSources());
        if (!loaded.ok()) {
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        return loaded.get();
    }

    Environments environments() {
        return evaluation.environments();
    }
}
