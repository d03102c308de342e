package dev.storyc.cli;

import dev.storyc.config.ImportPins;
import dev.storyc.diag.Result;
import dev.storyc.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code storyc env freeze}: pins each import of environments.toml to the sha256 of the file as it is
 * now. Only the pins' text changes; the rest of the file is kept byte for byte.
 */
@Command(name = "freeze", mixinStandardHelpOptions = true,
        description = {"Pin every import of environments.toml to the sha256 of the file as it is now.",
                "Edits only the pins, keeping comments, spacing and order."})
final class EnvFreezeCommand implements Callable<Integer> {

    @ParentCommand
    EnvCommand env;

    @Override
    public Integer call() {
        Console console = env.root.console();
        Workspace workspace = Project.load(env.root.projectRoot(), console);
        Result<ImportPins.Frozen> frozen = ImportPins.freeze(workspace.environments().orElseThrow(),
                workspace.environmentImports());
        console.diagnostics(frozen.diagnostics(), workspace.allSources());
        if (!frozen.ok()) {
            return ExitCode.PROJECT_ERRORS;
        }
        for (ImportPins.Pin pin : frozen.get().pins()) {
            console.result((pin.changed() ? "pinned    " : "unchanged ") + pin.path() + "  sha256:" + pin.sha256());
        }
        if (frozen.get().pins().stream().noneMatch(ImportPins.Pin::changed)) {
            console.result(frozen.get().pins().isEmpty() ? "environments.toml imports nothing" : "every pin is current");
            return ExitCode.OK;
        }
        Path file = env.root.projectRoot().resolve("environments.toml");
        // WorkspaceFiles keeps the file's mode, line endings, byte-order mark and link, and refuses
        // if an editor wrote it meanwhile.
        WorkspaceFiles.replace(file, workspace.environments().orElseThrow().text(), frozen.get().text(), console);
        return ExitCode.OK;
    }
}
