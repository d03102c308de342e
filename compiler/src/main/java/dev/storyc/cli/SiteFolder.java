package dev.storyc.cli;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.publish.FileTrees;
import dev.storyc.site.SiteFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folder a site is written to. A site is written whole into a hidden sibling folder and then
 * renamed into place, so a failed or killed run leaves the previous site, never half of a new one.
 * The folder is replaced whole, so storyc only replaces folders it wrote itself: they hold {@link
 * #MARKER}.
 */
final class SiteFolder {
    /** Present in every folder storyc site wrote. */
    static final String MARKER = ".storyc-site";

    private SiteFolder() {}

    /** Ends the command when {@code target} exists and is not an earlier site (or empty). */
    static void check(Path target, Console console) {
        if (!Files.exists(target)
                || Files.isRegularFile(target.resolve(MARKER))
                || isEmptyFolder(target)) {
            return;
        }
        console.diagnostics(
                List.of(
                        Diagnostic.error(
                                        Code.SITE_FOLDER_NOT_A_SITE,
                                        Position.ofFile(target.toString()),
                                        "`"
                                                + target
                                                + "` exists and is not a site storyc wrote, so"
                                                + " storyc will not replace it")
                                .withHint(
                                        "choose an empty or new folder with --out, or delete this"
                                            + " one")),
                List.of());
        throw new CommandFailure(ExitCode.PROJECT_ERRORS);
    }

    /** Writes the site, replacing an earlier one; an I/O failure ends the command with exit 3. */
    static void write(Path target, SiteFiles files, Console console) {
        Path parent = target.toAbsolutePath().getParent();
        Path staging =
                parent.resolve("." + target.getFileName() + ".storyc-new-" + UUID.randomUUID());
        Path old = parent.resolve("." + target.getFileName() + ".storyc-old-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            for (var file : files.files().entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            Files.writeString(
                    staging.resolve(MARKER),
                    "Written by `storyc site`, which replaces this whole folder on its next"
                        + " run.\n");
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(old);
        } catch (IOException e) {
            try {
                FileTrees.delete(staging);
            } catch (IOException ignored) {
                // The failure being reported matters more than a leftover hidden folder.
            }
            console.failure(
                    "cannot write the site to `" + target + "`: " + e.getMessage(),
                    "check that the folder is writable; the previous site, if any, is unchanged");
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
    }

    private static boolean isEmptyFolder(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

}
