package dev.storyc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the user's own files (release manifests, environments.toml). A write goes to a temporary
 * file beside the target and is then moved over it, so an interrupted command never leaves a
 * half-written manifest.
 */
final class WorkspaceFiles {
    private WorkspaceFiles() {}

    static void write(Path target, String text, Console console) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            console.failure("cannot write `" + target + "`: " + e.getMessage(), "check permissions and free space");
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
    }
}
