package dev.storyc.workspace;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * What the file system says about every file and folder {@link WorkspaceLoader} reads, without
 * reading a byte of them: like Mercurial's dirstate or git's index, a stat per entry (type, size,
 * modification time in nanoseconds, inode), digested in path order. Equal stamps mean the loader
 * would read the same bytes, provided every entry changed before the run that took the earlier
 * stamps started (the caller checks that with {@link #newestChange}): an entry written in the same
 * clock tick as a read could otherwise keep its stamp with other bytes (git's "racily clean"
 * files).
 *
 * <p>Editors, git and tools that replace a file (rsync, tar) change its time or its inode. What
 * this cannot see is a file rewritten in place with the same size and its modification time set
 * back to the nanosecond ({@code cp -p} onto a file of equal length); {@code --no-cache} compiles
 * regardless. The change time would see that too, but Java reads it only through a per-call
 * attribute map ({@code unix:ctime}): a walk of 15,000 entries took 70-90 ms that way against about
 * 60 ms with the basic attributes, on a path where every millisecond is a user's wait. A folder's
 * times change when an entry is added, removed or renamed in it, so a new story or file changes
 * its folder's stamp. Dot-files are not stamped, as the loader skips them, though adding one (an
 * editor's swap file) changes its folder's stamp all the same. The walk ({@link StampWalk}) is
 * most of what a compile with nothing to do costs.
 *
 * @param digest sha256 over every entry's stamp, in path order
 * @param newestChange the latest modification time among the entries, in nanoseconds since the
 *     epoch
 */
public record InputStamps(String digest, long newestChange) {
    /**
     * Stamps the workspace in {@code root}: its top-level files and folders, each folder's
     * entries below, and {@code imports} (environments.toml's, relative to the root). Returns
     * empty when a folder cannot be listed or an entry read: then nothing may be trusted.
     */
    public static Optional<InputStamps> take(Path root, Collection<String> imports) {
        return StampWalk.begin(root).finish(imports);
    }
}
