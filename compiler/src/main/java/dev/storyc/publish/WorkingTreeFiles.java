package dev.storyc.publish;

import dev.storyc.emit.OutputFile;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Brings a working tree and its index to the files wanted, by their difference with the index: a
 * file whose blob is unchanged costs one stat, which shows whether it is still what storyc wrote
 * (same size and modification time); a changed, new or hand-edited one is written in place, with
 * one stat for the index; one no longer wanted is deleted with the folders it empties. The index
 * is written last, so a kill leaves it describing the files as they were, and the pending-refresh
 * marker sends the next run through here again. Output trees hold regular files only.
 */
final class WorkingTreeFiles {
    private WorkingTreeFiles() {}

    /**
     * One file the working tree should hold: its path, its blob, its size, and its bytes when it
     * is written. The size is asked for only when the blob is the index's and the index does not
     * give it: git and JGit zero the size of entries written in the same instant as the index.
     */
    interface Wanted {
        String path();

        ObjectId blob();

        long length() throws IOException;

        byte[] bytes() throws IOException;

        /**
         * A file of a compiled tree, encoded each time its size or bytes are asked for and never
         * kept: an environment's files encoded up front were 30 MB at 5,000 stories per writing
         * job, held until the last was written.
         */
        static Wanted of(ObjectId blob, OutputFile file) {
            return new Compiled(file.path(), blob, file);
        }

        /** A file of a commit, read from {@code repository} only if it must be written. */
        static Wanted of(String path, ObjectId blob, Repository repository) {
            return new Stored(path, blob.copy(), repository);
        }
    }

    private record Compiled(String path, ObjectId blob, OutputFile file) implements Wanted {
        @Override
        public long length() {
            return file.byteLength();
        }

        @Override
        public byte[] bytes() {
            return file.bytes();
        }
    }

    private record Stored(String path, ObjectId blob, Repository repository) implements Wanted {
        @Override
        public long length() throws IOException {
            try (ObjectReader reader = repository.newObjectReader()) {
                return reader.getObjectSize(blob, Constants.OBJ_BLOB);
            }
        }

        @Override
        public byte[] bytes() throws IOException {
            return repository.open(blob, Constants.OBJ_BLOB).getBytes();
        }
    }

    /** Updates the files under {@code directory} and the locked {@code index} to {@code wanted}. */
    static void update(DirCache index, Path directory, List<Wanted> wanted) throws IOException {
        Map<String, DirCacheEntry> previous = new HashMap<>();
        for (int i = 0; i < index.getEntryCount(); i++) {
            previous.put(index.getEntry(i).getPathString(), index.getEntry(i));
        }
        DirCacheBuilder builder = index.builder();
        RealFolders folders = new RealFolders(directory);
        for (Wanted file : wanted) {
            DirCacheEntry old = previous.remove(file.path());
            Path target = directory.resolve(file.path());
            DirCacheEntry entry = new DirCacheEntry(file.path());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(file.blob());
            boolean sameBlob = old != null && old.getObjectId().equals(file.blob());
            long length = -1;
            if (sameBlob) {
                // The same blob has the same size, which the index keeps unless it zeroed it; only
                // then is the size worked out, which for a compiled text means encoding it.
                length = old.getLength() != 0 ? old.getLength() : file.length();
            }
            Optional<Instant> written =
                    sameBlob ? untouched(old, target, length) : Optional.empty();
            if (written.isEmpty()) {
                folders.make(target.getParent());
                byte[] bytes = file.bytes();
                written = Optional.of(replace(target, bytes));
                length = bytes.length;
            }
            entry.setLength(length);
            entry.setLastModified(written.get());
            builder.add(entry);
        }
        for (String gone : previous.keySet()) {
            deleteWithEmptyParents(directory, directory.resolve(gone));
        }
        builder.commit();
    }

    /**
     * The folders of one update that are known to be real folders of the working tree, each made
     * sure of once, without following links, before a file is written into it or deleted from it.
     * A symbolic link standing for a folder, made by hand, would otherwise be written and deleted
     * through, outside the repository. storyc owns the working tree, so what stands where a folder
     * belongs (a link, a file) is removed, the link and never what it points at, as git replaces a
     * path it checks out.
     */
    private static final class RealFolders {
        private final Path root;
        private final Set<Path> known = new HashSet<>();

        RealFolders(Path root) {
            this.root = root;
        }

        /** Makes {@code folder} and every folder above it, up to the root, a real folder. */
        void make(Path folder) throws IOException {
            if (folder.equals(root) || known.contains(folder)) {
                return;
            }
            make(folder.getParent());
            Optional<BasicFileAttributes> found = attributes(folder);
            if (found.isPresent() && !found.get().isDirectory()) {
                Files.delete(folder);
            }
            if (found.isEmpty() || !found.get().isDirectory()) {
                Files.createDirectory(folder);
            }
            known.add(folder);
        }
    }

    private static Optional<BasicFileAttributes> attributes(Path path) throws IOException {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code bytes} to {@code target} and returns its modification time. A symbolic link
     * standing where the file belongs is replaced, never followed out of the repository, and a
     * folder deleted by hand is made again.
     */
    private static Instant replace(Path target, byte[] bytes) throws IOException {
        try {
            writeNoFollow(target, bytes);
        } catch (NoSuchFileException e) {
            Files.createDirectories(target.getParent());
            writeNoFollow(target, bytes);
        } catch (IOException e) {
            // A link refused by NOFOLLOW_LINKS surfaces as a plain IOException (ELOOP); a folder
            // made by hand where the file belongs, as "Is a directory".
            if (Files.isSymbolicLink(target)) {
                Files.delete(target);
            } else if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(target);
            } else {
                throw e;
            }
            writeNoFollow(target, bytes);
        }
        return Files.getLastModifiedTime(target, LinkOption.NOFOLLOW_LINKS).toInstant();
    }

    /** Deletes a folder and what it holds; links inside are deleted, never followed. */
    private static void deleteTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                    throws IOException {
                Files.delete(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    private static void writeNoFollow(Path target, byte[] bytes) throws IOException {
        try (OutputStream out =
                Files.newOutputStream(
                        target,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)) {
            out.write(bytes);
        }
    }

    /**
     * Deletes {@code file} and the folders it leaves empty, up to {@code directory}. When a folder
     * on the way is a symbolic link, made by hand, the link is deleted instead: deleting through it
     * would delete outside the repository.
     */
    static void deleteWithEmptyParents(Path directory, Path file) throws IOException {
        for (Path folder = file.getParent(); !folder.equals(directory); folder = folder.getParent()) {
            Optional<BasicFileAttributes> found = attributes(folder);
            if (found.isEmpty() || !found.get().isDirectory()) {
                if (found.isPresent() && found.get().isSymbolicLink()) {
                    Files.delete(folder);
                }
                return;
            }
        }
        Files.deleteIfExists(file);
        for (Path parent = file.getParent();
                !parent.equals(directory);
                parent = parent.getParent()) {
            try (Stream<Path> entries = Files.list(parent)) {
                if (entries.findAny().isPresent()) {
                    break;
                }
            } catch (NoSuchFileException e) {
                continue;
            }
            Files.delete(parent);
        }
    }

    /**
     * Returns the file's modification time when {@code file} is still what storyc wrote for
     * {@code entry}: a regular file of the same size and modification time, read in one stat. The
     * entry's own length is not used, because writing the index zeroes it for files written in the
     * same instant ("racily clean", as in git).
     */
    static Optional<Instant> untouched(DirCacheEntry entry, Path file, long length)
            throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes =
                    Files.readAttributes(
                            file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.file.FileSystemException e) {
            // "Not a directory": a file made by hand where one of its folders belongs; writing it
            // makes the folder again.
            return Optional.empty();
        }
        Instant modified = attributes.lastModifiedTime().toInstant();
        return attributes.isRegularFile()
                        && attributes.size() == length
                        && modified.equals(entry.getLastModifiedInstant())
                ? Optional.of(modified)
                : Optional.empty();
    }
}
