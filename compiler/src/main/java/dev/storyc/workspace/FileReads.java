package dev.storyc.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading a file whole, within a bound, and saying in words why a read or write failed: shared by
 * the loader, the git edge and the commands that read or write the user's files.
 */
public final class FileReads {
    /**
     * The largest file storyc reads: far above any template, model or script (the corpus's largest
     * LookML file is under 1 MB), and far below what would exhaust the heap. A larger file, or a
     * link to a device such as /dev/zero, is reported as unreadable instead of ending the run
     * with an OutOfMemoryError.
     */
    public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    private FileReads() {}

    /** Reads a file whole, failing with a reason once it passes {@link #MAX_FILE_BYTES}. */
    public static byte[] readBounded(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException("it is larger than the " + (MAX_FILE_BYTES >> 20)
                        + " MB storyc reads");
            }
            return bytes;
        }
    }

    /**
     * Returns why an I/O operation failed, in words. A {@link java.nio.file.FileSystemException}'s
     * message is often just the path again, which the caller already names.
     */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException fs) {
            return "`" + fs.getFile() + "` is in the way: it exists, as a file or as a link to"
                    + " something missing";
        }
        if (e instanceof java.nio.file.NotDirectoryException fs) {
            return "`" + fs.getFile() + "` is not a folder";
        }
        if (e instanceof java.nio.file.FileSystemLoopException fs) {
            return "the links at `" + fs.getFile() + "` form a loop";
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            // The JDK's own subclasses without a reason are mapped above; a class name is no
            // message for a user, so a reasonless stranger says what failed in words.
            return fs.getReason() != null ? fs.getReason() : "the file system refused it";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an input or output error" : message;
    }
}
