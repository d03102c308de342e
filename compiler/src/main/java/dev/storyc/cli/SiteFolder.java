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

    /**
     * Returns the folder a link points to, so the site is written there: replacing the link itself
     * left the folder it published (a web root) stale, and the user's link gone (round 19). A link
     * to nothing, or to a file, ends the command.
     */
    static Path followed(Path target, Console console) {
        if (!Files.isSymbolicLink(target)) {
            return target;
        }
        try {
            if (Files.isDirectory(target)) {
                return target.toRealPath();
            }
        } catch (IOException e) {
            // Reported below, as a link to nothing.
        }
        console.diagnostics(List.of(Diagnostic.error(Code.SITE_FOLDER_NOT_A_SITE, Position.ofFile(target.toString()),
                        "`" + target + "` is a link to `" + linkText(target) + "`, which is not a folder")
                .withHint("make the folder it points to, or choose another with --out")), List.of());
        throw new CommandFailure(ExitCode.PROJECT_ERRORS);
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

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
        tidy(parent, target);
        try {
            Files.createDirectories(staging);
            keepAttributes(target, staging);
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
                    "the new site is written beside the folder and swapped in, so `" + parent
                            + "` must be writable too; the previous site, if any, is unchanged");
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
    }

    /**
     * Gives the new folder the old one's mode (setgid bit included), group and owner before
     * anything is written in it, so files inherit the group as they would have: a web root a
     * link points to is often a shared, group-writable folder, and replacing it must not take
     * that away (round 21). What the user may not set (another owner) stays theirs.
     */
    private static void keepAttributes(Path previous, Path fresh) {
        if (!Files.isDirectory(previous)) {
            return;
        }
        try {
            var attributes = Files.readAttributes(previous, java.nio.file.attribute.PosixFileAttributes.class);
            var view = Files.getFileAttributeView(fresh, java.nio.file.attribute.PosixFileAttributeView.class);
            try {
                view.setOwner(attributes.owner());
            } catch (IOException notPermitted) {
                // Only root gives a folder away; the user's own is as good.
            }
            try {
                view.setGroup(attributes.group());
            } catch (IOException notPermitted) {
                // A group the user is not in cannot be given.
            }
            Files.setAttribute(fresh, "unix:mode", Files.getAttribute(previous, "unix:mode"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // A file system without POSIX attributes has none to keep.
        }
    }

    /**
     * Deletes the hidden folders a killed run left beside the site (round 19): a staging folder it
     * had not renamed yet, or the previous site it had moved aside. Only those an hour old, so a
     * run writing into the same folder at this moment keeps its own.
     */
    private static void tidy(Path parent, Path target) {
        String prefix = "." + target.getFileName() + ".storyc-";
        java.time.Instant hourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path sibling : siblings.toList()) {
                String name = sibling.getFileName().toString();
                if ((name.startsWith(prefix + "new-") || name.startsWith(prefix + "old-"))
                        && Files.isDirectory(sibling, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(sibling).toInstant().isBefore(hourAgo)) {
                    FileTrees.delete(sibling);
                }
            }
        } catch (IOException e) {
            // Leftovers are untidy, not wrong; the site is written all the same.
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
