package dev.storyc.cli;

import dev.storyc.config.ImportPins;
import dev.storyc.diag.Result;
import dev.storyc.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
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
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

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
        String read = workspace.environments().orElseThrow().text();
        // The file's byte-order mark, which the loader drops, is written back; WorkspaceFiles keeps
        // its mode, line endings and link, and refuses if an editor wrote it meanwhile.
        String written = startsWithBom(file, console) ? "\uFEFF" + frozen.get().text() : frozen.get().text();
        WorkspaceFiles.replace(file, read, written, console);
        return ExitCode.OK;
    }

    private static boolean startsWithBom(Path file, Console console) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(BOM.length);
            return java.util.Arrays.equals(head, BOM);
        } catch (IOException e) {
            console.failure("cannot read environments.toml: " + dev.storyc.workspace.FileReads.reason(e),
                    "check its permissions");
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
    }
}
