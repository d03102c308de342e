package dev.storyc.cli;

import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.Environments;
import dev.storyc.diag.Result;
import dev.storyc.release.ReleaseNames;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;
import dev.storyc.workspace.WorkspaceNames;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code storyc __names env|story|release}: the names shell completion offers, one per line. It is
 * hidden, since people have {@code env list}, {@code story list} and {@code release list}; this
 * one is for the completion script ({@link NameCompletion}), so it is quick at any number of
 * stories, and prints no problem: a workspace that does not load offers no names.
 */
@Command(name = "__names", hidden = true, mixinStandardHelpOptions = true, description = "The names shell completion offers, one per line.")
final class NamesCommand implements Callable<Integer> {
    /** What to list. */
    enum Kind { env, story, release }

    @ParentCommand
    StorycCommand root;

    @Parameters(paramLabel = "KIND", description = "env, story or release.")
    Kind kind;

    @Override
    public Integer call() {
        Path workspace = root.projectRoot();
        List<String> names = switch (kind) {
            case env -> environments(workspace);
            case story -> WorkspaceNames.stories(workspace);
            // A file such as `notes.toml` or `*.toml` in releases/ names no release.
            case release -> WorkspaceNames.releases(workspace).stream().filter(ReleaseNames::isValid).toList();
        };
        names.forEach(name -> root.console().out().println(name));
        root.console().out().flush();
        return ExitCode.OK;
    }

    /** Reads environments.toml and what it imports, and nothing of the stories. */
    private List<String> environments(Path workspace) {
        Result<Workspace> configuration = WorkspaceLoader.loadConfiguration(workspace, StdlibLoader.load());
        if (configuration.value().isEmpty()) {
            return List.of();
        }
        Result<Environments> environments = EnvironmentResolver.resolve(configuration.get(), root.processValues());
        return environments.value().map(Environments::names).orElse(List.of());
    }
}
