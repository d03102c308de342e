package dev.storyc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything under a folder, byte for byte: each file's sha256, each folder, each symbolic link's
 * target (links are recorded, never followed), and for every git repository in it {@code git
 * rev-parse HEAD}, its refs and {@code git status --porcelain}. Two snapshots are equal exactly
 * when nothing was written, created, deleted or moved.
 *
 * <p>Git's {@code index} files are left out of the byte comparison: {@code git status} itself may
 * refresh their stat data; what they describe is covered by the status line.
 */
public record TreeSnapshot(Map<String, String> entries) {

    /** Takes a snapshot of {@code root}. */
    public static TreeSnapshot of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try {
            Files.walkFileTree(
                    root,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(
                                Path dir, BasicFileAttributes attrs) {
                            entries.put(name(root, dir), "folder");
                            if (Files.exists(
                                    dir.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                                entries.put(name(root, dir) + " [git]", gitState(dir));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            if (attrs.isSymbolicLink()) {
                                entries.put(
                                        name(root, file),
                                        "link to " + Files.readSymbolicLink(file));
                            } else if (!(file.getFileName().toString().equals("index")
                                    && file.getParent().getFileName().toString().equals(".git"))) {
                                entries.put(name(root, file), sha256(Files.readAllBytes(file)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(entries);
    }

    private static String gitState(Path repository) {
        GitCli.Run head = GitCli.run(repository, "rev-parse", "HEAD");
        GitCli.Run refs =
                GitCli.run(repository, "for-each-ref", "--format=%(refname) %(objectname)");
        GitCli.Run status =
                GitCli.run(repository, "status", "--porcelain", "--untracked-files=all");
        return "HEAD "
                + head.stdout().strip()
                + "\nrefs\n"
                + refs.stdout()
                + "status\n"
                + status.stdout();
    }

    private static String name(Path root, Path path) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
