package dev.storyc.cli;

import dev.storyc.config.ImportPins;
import dev.storyc.diag.Result;
import dev.storyc.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        try {
            byte[] old = Files.readAllBytes(file);
            boolean bom = old.length >= 3 && old[0] == BOM[0] && old[1] == BOM[1] && old[2] == BOM[2];
            byte[] text = frozen.get().text().getBytes(StandardCharsets.UTF_8);
            byte[] bytes = bom ? concat(BOM, text) : text;
            // Written beside and moved over, so a killed process never leaves half a file.
            Path temporary = Files.createTempFile(file.getParent(), ".environments", ".toml");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            console.failure("cannot write environments.toml: " + e.getMessage(), null);
            return ExitCode.OPERATION_FAILED;
        }
        return ExitCode.OK;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
