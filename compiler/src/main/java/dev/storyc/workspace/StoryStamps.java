package dev.storyc.workspace;

import dev.storyc.diag.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the file system said about each story's files just after {@link WorkspaceLoader} read them:
 * per story, the {@link InputStamps} of its files (path, type, size, modification time, inode, in
 * path order). A later run whose stamps of a story are equal read the same bytes, so it may take
 * what it derived from them then (the story's tree id) instead of deriving it again, as git's
 * index does for a file's blob id.
 *
 * <p>Each file is stamped after it is read, not before: a write between the two then shows in the
 * stamp, where a stamp taken first could describe the bytes before a write that the read saw. And
 * a story's stamps are trusted only when every file last changed two seconds before the load began
 * ({@link #trusted}): a file system keeps times in ticks (a second on some), so a file written in
 * the tick it was read could keep its stamp with other bytes (git's "racily clean" files). What
 * stamps cannot see is a file rewritten in place with the same size and its time set back to the
 * nanosecond ({@code cp -p}); {@code --no-cache} derives everything regardless.
 */
public final class StoryStamps {
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Takes no stamps: for the loads of commands that remember nothing. */
    public static final StoryStamps NONE = new StoryStamps(Long.MIN_VALUE, false);

    private final long startedMillis;
    private final boolean taking;
    private final Map<StoryId, InputStamps> stamps = new ConcurrentHashMap<>();
    private volatile boolean readThroughGit;

    private StoryStamps(long startedMillis, boolean taking) {
        this.startedMillis = startedMillis;
        this.taking = taking;
    }

    /** Returns empty stamps for a load that starts now. */
    public static StoryStamps begin() {
        return new StoryStamps(System.currentTimeMillis(), true);
    }

    /**
     * Notes that a file was read with a carriage return, as git would commit it: its text depends
     * on HEAD and {@code core.autocrlf} as well as on its bytes, so its story takes no stamps, and
     * no run that read it may be replayed from stamps ({@link #readThroughGit()}).
     */
    void readThroughGit() {
        readThroughGit = true;
    }

    /** Returns true when the load read a file whose text git's state decides as well as its bytes. */
    public boolean readAnyThroughGit() {
        return readThroughGit;
    }

    /** Returns the stamps of {@code story}'s files, if the loader took them all. */
    public Optional<InputStamps> of(StoryId story) {
        return Optional.ofNullable(stamps.get(story));
    }

    /**
     * Returns true when every file {@code stamps} describes last changed well before the load
     * began: a later write to any of them then changes its stamp.
     */
    public boolean trusted(InputStamps stamps) {
        return stamps.newestChange() < TimeUnit.MILLISECONDS.toNanos(startedMillis) - RACY_NANOS;
    }

    /**
     * Stamps {@code files}, which the loader has just read from {@code root} for {@code story};
     * takes nothing for the story when any of them cannot be stamped.
     */
    void stamp(StoryId story, Path root, List<SourceFile> files) {
        if (!taking) {
            return;
        }
        try {
            // The walk's own stamp of each file, through a link as the loader read it.
            StampWalk.Stamps stamped = new StampWalk.Stamps();
            stamped.text.append("storyc-story-stamps-2\n");
            for (SourceFile file : files) {
                stamped.stamp(root.resolve(file.path()), file.path(), false);
            }
            String digest = Sha256.hex(stamped.text.toString().getBytes(StandardCharsets.UTF_8));
            stamps.put(story, new InputStamps(digest, stamped.newest));
        } catch (IOException | UnsupportedOperationException e) {
            // Unstamped: the story's id is computed from its bytes.
        }
    }
}
