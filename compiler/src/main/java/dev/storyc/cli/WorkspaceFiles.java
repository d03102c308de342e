package dev.storyc.cli;

import dev.storyc.workspace.FileReads;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Writes the user's own files (release manifests, environments.toml, new stories). A write goes to
 * a temporary file beside the target and is then moved over it, so an interrupted command never
 * leaves a half-written manifest. A target that is a link is written where the link leads.
 *
 * <p>The temporary file is opened with a plain create, not {@link Files#createTempFile}, whose
 * files are always 0600: a new file gets the user's umask like any editor's would, and a replaced
 * file keeps the permissions it had.
 */
final class WorkspaceFiles {
    private WorkspaceFiles() {}

    /**
     * Returns {@code text} with CRLF line endings when the file it replaces has them (a checkout
     * with core.autocrlf, or a file committed so): a one-line edit by release add or promote
     * rewrote every line, and git showed the whole file changed.
     */
    private static String inItsLineEndings(Path target, String text) throws IOException {
        if (!Files.isRegularFile(target)) {
            return text;
        }
        String before = new String(Files.readAllBytes(target), StandardCharsets.UTF_8);
        return before.contains("\r\n") ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text;
    }

    static void write(Path requested, String text, Console console) {
        try {
            writeThrough(throughLinks(requested), text);
        } catch (IOException e) {
            console.failure("cannot write `" + requested + "`: " + FileReads.reason(e),
                    "check permissions and free space");
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
    }

    /**
     * Writes {@code text} over a file the command read as {@code read}, unless the file changed
     * since: then nothing is written and the command ends with exit 3. Two {@code release add}s at
     * once both read the manifest, both wrote it, and the first one's story was lost while both
     * said it was added (round 14). The comparison and the move happen while this process holds a
     * lock on the file it read, and a second writer compares what the path holds once it has the
     * lock, so it sees the first one's edit and refuses.
     */
    static void replace(Path requested, String read, String text, Console console) {
        try {
            Path target = throughLinks(requested);
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(target,
                            StandardOpenOption.READ, StandardOpenOption.WRITE);
                    java.nio.channels.FileLock lock = channel.lock()) {
                String now = new String(Files.readAllBytes(target), StandardCharsets.UTF_8);
                if (!comparable(now).equals(comparable(read))) {
                    console.failure("`" + requested + "` changed while storyc was editing it (another storyc"
                                    + " or an editor wrote it); nothing was written",
                            "run the command again, on the file as it is now");
                    throw new CommandFailure(ExitCode.OPERATION_FAILED);
                }
                writeThrough(target, text);
            }
        } catch (IOException e) {
            console.failure("cannot write `" + requested + "`: " + FileReads.reason(e),
                    "check permissions and free space");
            throw new CommandFailure(ExitCode.OPERATION_FAILED);
        }
    }

    /** A text as the workspace loader reads it: no byte-order mark, LF line ends. */
    private static String comparable(String text) {
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
    }

    /** Writes through a temporary file moved over the target, in the line ends the target has. */
    private static void writeThrough(Path target, String text) throws IOException {
        String written = inItsLineEndings(target, text);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(written.getBytes(StandardCharsets.UTF_8));
            }
            keepPermissions(target, temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Returns the file a link leads to, so that a manifest kept as a link (to a shared folder, say)
     * is written where it lives, as editors do, instead of having its link replaced by a copy. A
     * link to nothing is refused rather than followed into a file the user never named.
     */
    private static Path throughLinks(Path target) throws IOException {
        if (!Files.isSymbolicLink(target)) {
            return target;
        }
        if (!Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        return target.toRealPath();
    }

    private static void keepPermissions(Path target, Path temporary) throws IOException {
        var from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        var to = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (from != null && to != null && Files.isRegularFile(target)) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }
}
