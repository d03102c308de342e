package dev.storyc.publish;

import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        ObjectId head = repository.resolve(Constants.R_HEADS + branch);
        if (!checkOut(head)) {
            return;
        }
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
    }

    /**
     * Writes the files of a just-committed {@code tree} into the working tree and the index, by
     * their difference with the index and from the texts in hand ({@link WorkingTreeFiles}):
     * much cheaper than a generic checkout, which would read back what storyc has just produced.
     */
    boolean write(OutputTree tree, Map<String, ObjectId> blobs) throws IOException {
        List<WorkingTreeFiles.Wanted> wanted = new ArrayList<>();
        for (OutputFile file : tree.all()) {
            wanted.add(WorkingTreeFiles.Wanted.of(blobs.get(file.path()), file));
        }
        return update(wanted);
    }

    /**
     * Brings the working tree and the index to the tree of {@code commit} the same way, reading
     * only the blobs whose files must be written; returns false when the index is held elsewhere.
     * Used where storyc holds no bytes: a repair after a kill, a bare repository getting its
     * working tree back, a rebuild on a newer remote head. Unlike JGit's checkout it leaves no
     * temporary files when killed, so the next repair starts from a clean folder.
     */
    boolean checkOut(ObjectId commit) throws IOException {
        List<WorkingTreeFiles.Wanted> wanted;
        try (ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader);
                TreeWalk files = new TreeWalk(reader)) {
            files.addTree(walk.parseCommit(commit).getTree());
            files.setRecursive(true);
            wanted = new ArrayList<>();
            while (files.next()) {
                wanted.add(WorkingTreeFiles.Wanted.of(files.getPathString(), files.getObjectId(0),
                        repository));
            }
        }
        return update(wanted);
    }

    private boolean update(List<WorkingTreeFiles.Wanted> wanted) throws IOException {
        Optional<DirCache> locked = lockIndex();
        if (locked.isEmpty()) {
            return false;
        }
        DirCache index = locked.get();
        try {
            WorkingTreeFiles.update(index, directory, wanted);
            return true;
        } finally {
            index.unlock();
        }
    }

    /**
     * Returns a locked, empty index in place of one that does not read ("Short read of block"): it
     * only caches what the working tree holds, so starting it again costs a write of every file,
     * while keeping it would fail every later compile.
     */
    private DirCache rebuiltIndex(IOException damage) throws IOException {
        progress.warn("the index of `" + directory + "` was damaged (" + damage.getMessage()
                + "); storyc wrote it again, with every file of the working tree");
        Files.delete(repository.getIndexFile().toPath());
        return repository.lockDirCache();
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
        } catch (org.eclipse.jgit.errors.CorruptObjectException | java.io.EOFException e) {
            return Optional.of(rebuiltIndex(e));
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
