package dev.storyc.publish;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether an output repository keeps a working tree, and the switch between the two. A bare one
 * keeps the same {@code .git} folder, with git's {@code core.bare = true} and no index, so the
 * ownership marker, the writers' registrations and the lock recovery stay where they always are,
 * and {@code git -C <folder> log} and {@code git clone <folder>} work as before: only the files
 * nobody reads (CI, push-only environments) are gone.
 *
 * <p>Both switches are safe against a kill at any point, through the pending-refresh marker of
 * {@link WorkingTree}: it is written before anything changes and removed once the switch is done,
 * and a run that finds it with a working tree resets that tree to the branch. Nothing is lost: a
 * working tree file is removed only when it holds exactly what the index says the branch holds,
 * so a file a person changed stays, with a warning.
 */
final class RepositoryLayout {
    /** The pending-refresh marker's text while a bare repository gets its working tree back. */
    private static final String TO_WORKING_TREE = "working tree\n";

    private RepositoryLayout() {}

    /** Marks the repository in {@code gitDir}, not yet open, as bare: for a new repository. */
    static void markBare(Path gitDir) throws IOException {
        FileBasedConfig config =
                new FileBasedConfig(gitDir.resolve(Constants.CONFIG).toFile(), FS.DETECTED);
        try {
            config.load();
        } catch (org.eclipse.jgit.errors.ConfigInvalidException e) {
            throw new IOException("cannot read " + gitDir.resolve(Constants.CONFIG), e);
        }
        config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null,
                ConfigConstants.CONFIG_KEY_BARE, true);
        config.save();
    }

    /**
     * Removes the working tree of {@code repository}: every file still as the index recorded it,
     * then the index, then marks the repository bare. Returns false, changing nothing, when another
     * process holds the index.
     *
     * @param marker the pending-refresh marker, present from the first removal until the end
     */
    static boolean toBare(Repository repository, Path directory, Path marker, Progress progress)
            throws IOException {
        DirCache index;
        try {
            index = repository.lockDirCache();
        } catch (LockFailedException e) {
            progress.warn("kept the working tree of `" + directory + "` for now: another process"
                    + " holds its index; the next compile removes it");
            return false;
        }
        int kept = 0;
        try {
            Files.writeString(marker, "bare\n");
            try (ObjectInserter.Formatter hasher = new ObjectInserter.Formatter()) {
                for (int i = 0; i < index.getEntryCount(); i++) {
                    DirCacheEntry entry = index.getEntry(i);
                    Path file = directory.resolve(entry.getPathString());
                    if (asCommitted(entry, file, hasher)) {
                        WorkingTreeFiles.deleteWithEmptyParents(directory, file);
                    } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                        kept++;
                    }
                }
            }
        } finally {
            index.unlock();
        }
        Files.deleteIfExists(repository.getIndexFile().toPath());
        StoredConfig config = repository.getConfig();
        config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null,
                ConfigConstants.CONFIG_KEY_BARE, true);
        config.save();
        Files.deleteIfExists(marker);
        if (kept > 0) {
            progress.warn("`" + directory + "` keeps no working tree from now on; " + kept
                    + " file" + (kept == 1 ? "" : "s") + " changed by hand stayed where "
                    + (kept == 1 ? "it was: move it away" : "they were: move them away"));
        }
        return true;
    }

    /**
     * Marks a bare {@code repository} as having a working tree again, with the pending-refresh
     * marker written first: the caller reopens the repository and its repair checks the branch out.
     */
    static void toWorkingTree(Repository repository, Path marker) throws IOException {
        Files.writeString(marker, TO_WORKING_TREE);
        StoredConfig config = repository.getConfig();
        config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null,
                ConfigConstants.CONFIG_KEY_BARE, false);
        config.save();
    }

    /** Returns true when {@code marker} says a bare repository is getting its working tree. */
    static boolean isSwitchToWorkingTree(Path marker) {
        try {
            return Files.readString(marker).equals(TO_WORKING_TREE);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns true when {@code file} holds exactly the entry's blob: one stat when it is as storyc
     * wrote it, else its bytes hashed (an entry's length may read zero, "racily clean").
     */
    private static boolean asCommitted(DirCacheEntry entry, Path file,
            ObjectInserter.Formatter hasher) throws IOException {
        if (WorkingTreeFiles.untouched(entry, file, entry.getLength()).isPresent()) {
            return true;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        ObjectId id = hasher.idFor(Constants.OBJ_BLOB, Files.readAllBytes(file));
        return id.equals(entry.getObjectId());
    }
}
