package dev.storyc.cli;

import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.Environments;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loaded workspace and its evaluated environments: what every project command starts from. */
record Project(Path root, Workspace workspace, Environments environments) {

    /** Loads the project, or prints why it cannot and ends the command with exit code 1. */
    static Project open(Path root, Map<String, String> processEnvironment, Console console) {
        Result<Workspace> loaded = WorkspaceLoader.load(root, StdlibLoader.load());
        if (loaded.value().isEmpty()) {
            console.diagnostics(loaded.diagnostics(), List.of());
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        Workspace workspace = loaded.get();
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
        Result<Environments> environments = EnvironmentResolver.resolve(
                workspace.environments().orElseThrow(), workspace.stdlib().environmentType(),
                name -> Optional.ofNullable(processEnvironment.get(name)));
        diagnostics.addAll(environments.diagnostics());
        if (!loaded.ok() || !environments.ok()) {
            console.diagnostics(diagnostics, workspace.allSources());
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        return new Project(root, workspace, environments.get());
    }
}
