package dev.storyc.publish;

import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
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
 * The working tree of an output repository: a convenience view of the branch, brought along after
 * each move and repaired to the branch when a killed run left it behind. The branch is the truth;
 * so a working tree that cannot be refreshed costs a warning, never the commit.
 */
final class WorkingTree {
    /**
     * Present in the git folder from just before the branch moves until the working tree shows the
     * new commit: when a run finds it, an earlier run was killed in between, and the working tree
     * is reset to the branch before anything else.
     */
    static final String REFRESH_PENDING = "storyc-refresh-pending";

    private final Repository repository;
    private final Path directory;
    private final String branch;
    private final Progress progress;
    private final LockRecovery locks;

    WorkingTree(
            Repository repository,
            Path directory,
            String branch,
            Progress progress,
            LockRecovery locks) {
        this.repository = repository;
        this.directory = directory;
        this.branch = branch;
        this.progress = progress;
        this.locks = locks;
    }

    Path pendingMarker() {
        return repository.getDirectory().toPath().resolve(REFRESH_PENDING);
    }

    /**
     * Resets the working tree to the branch when an earlier run was killed before refreshing it, or
     * when {@code killedWriter} says one was killed at all. Skipped while another live storyc is
     * writing: the marker may be its own, and it refreshes the tree itself.
     */
    void repair(boolean killedWriter) throws IOException {
        Path marker = pendingMarker();
        if ((!killedWriter && !Files.exists(marker))
                || repository.isBare()
                || locks.anotherWriterAlive()) {
            return;
        }
        if (repository.resolve(Constants.R_HEADS + branch) == null) {
            Files.deleteIfExists(marker);
            return;
        }
        // A reset takes the index's and HEAD's locks; a run killed during an earlier repair leaves
        // them.
        for (Path locked :
                List.of(
                        repository.getIndexFile().toPath(),
                        repository.getDirectory().toPath().resolve("HEAD"))) {
            Optional<LockFiles.Lock> lock = LockFiles.of(locked);
            if (lock.isPresent() && !locks.releaseIfOrphaned(lock.get())) {
                progress.warn(
                        "the working tree of `"
                                + directory
                                + "` may be out of date: an earlier run was"
                                + " interrupted and "
                                + lock.get().describe()
                                + " is held; "
                                + LockFiles.hint(lock.get()));
                return;
            }
        }
        try {
            Git.wrap(repository)
                    .reset()
                    .setMode(ResetCommand.ResetType.HARD)
                    .setRef(Constants.R_HEADS + branch)
                    .call();
            boolean switched = RepositoryLayout.isSwitchToWorkingTree(marker);
            Files.deleteIfExists(marker);
            progress.warn(
                    switched
                            ? "checked `" + branch + "` out into `" + directory
                                    + "`, which kept no working tree until now"
                            : "reset the working tree of `"
                                    + directory
                                    + "` to `"
                                    + branch
                                    + "`: an earlier run was interrupted while refreshing it;"
                                    + " the branch itself was intact");
        } catch (GitAPIException | JGitInternalException e) {
            // The branch is intact; only the convenience checkout is behind, and the next run
            // retries.
            progress.warn(
                    "the working tree of `"
                            + directory
                            + "` may be out of date: "
                            + e.getMessage());
        }
    }

    /**
     * Brings the working tree and the index from the index's tree to a just-committed {@code tree},
     * by their difference and from the bytes in hand: a file whose blob is unchanged costs one
     * stat, which shows whether it is still what storyc wrote (same size and modification time);
     * a changed, new or hand-edited one is written, with one stat for the index; one the tree no
     * longer has is deleted. Much cheaper than a generic checkout, which would read back what
     * storyc has just produced.
     */
    boolean write(OutputTree tree, Map<String, ObjectId> blobs) throws IOException {
        Optional<DirCache> locked = lockIndex();
        if (locked.isEmpty()) {
            return false;
        }
        DirCache index = locked.get();
        try {
            Map<String, DirCacheEntry> previous = new HashMap<>();
            for (int i = 0; i < index.getEntryCount(); i++) {
                previous.put(index.getEntry(i).getPathString(), index.getEntry(i));
            }
            DirCacheBuilder builder = index.builder();
            Set<Path> folders = new HashSet<>();
            for (OutputFile file : tree.all()) {
                DirCacheEntry old = previous.remove(file.path());
                ObjectId blob = blobs.get(file.path());
                Path target = directory.resolve(file.path());
                DirCacheEntry entry = new DirCacheEntry(file.path());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
                byte[] bytes = file.bytes();
                entry.setLength(bytes.length);
                Optional<Instant> written =
                        old != null && old.getObjectId().equals(blob)
                                ? untouched(old, target, bytes.length)
                                : Optional.empty();
                if (written.isEmpty()) {
                    if (old == null && folders.add(target.getParent())) {
                        Files.createDirectories(target.getParent());
                    }
                    written = Optional.of(replace(target, bytes));
                }
                entry.setLastModified(written.get());
                builder.add(entry);
            }
            for (String gone : previous.keySet()) {
                deleteWithEmptyParents(directory, directory.resolve(gone));
            }
            builder.commit();
            return true;
        } finally {
            index.unlock();
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
        } catch (FileSystemException e) {
            if (!Files.isSymbolicLink(target)) {
                throw e;
            }
            Files.delete(target);
            writeNoFollow(target, bytes);
        }
        return Files.getLastModifiedTime(target, LinkOption.NOFOLLOW_LINKS).toInstant();
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

    /** Deletes {@code file} and the folders it leaves empty, up to {@code directory}. */
    static void deleteWithEmptyParents(Path directory, Path file) throws IOException {
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
    static Optional<Instant> untouched(DirCacheEntry entry, Path file, int length)
            throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes =
                    Files.readAttributes(
                            file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Instant modified = attributes.lastModifiedTime().toInstant();
        return attributes.isRegularFile()
                        && attributes.size() == length
                        && modified.equals(entry.getLastModifiedInstant())
                ? Optional.of(modified)
                : Optional.empty();
    }

    /**
     * Brings the working tree from {@code oldTree} to {@code newTree} with a generic checkout, for
     * moves whose files storyc does not hold in memory; returns false when it could not.
     */
    boolean checkout(ObjectId oldTree, ObjectId newTree) throws IOException {
        Optional<DirCache> locked = lockIndex();
        if (locked.isEmpty()) {
            return false;
        }
        DirCache index = locked.get();
        try {
            DirCacheCheckout checkout = new DirCacheCheckout(repository, oldTree, index, newTree);
            checkout.setFailOnConflict(false);
            checkout.checkout();
            return true;
        } finally {
            index.unlock();
        }
    }

    /**
     * Locks the index for a refresh; a lock held elsewhere is a warning, since the commit is
     * already made.
     */
    private Optional<DirCache> lockIndex() throws IOException {
        Optional<LockFiles.Lock> lock = LockFiles.of(repository.getIndexFile().toPath());
        if (lock.isPresent() && !locks.releaseIfOrphaned(lock.get())) {
            progress.warn(
                    "the working tree of `"
                            + directory
                            + "` was not refreshed: the index is locked by "
                            + lock.get().describe()
                            + ". The commit is made; "
                            + LockFiles.hint(lock.get()));
            return Optional.empty();
        }
        try {
            return Optional.of(repository.lockDirCache());
        } catch (LockFailedException e) {
            progress.warn(
                    "the working tree of `"
                            + directory
                            + "` was not refreshed: another process holds"
                            + " its index. The commit is made; the next compile refreshes it");
            return Optional.empty();
        }
    }
}
