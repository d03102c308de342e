package dev.storyc.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A walk that takes {@link InputStamps}, begun on a second thread so that the caller can do other
 * work meanwhile (read a cache entry, load the workspace), and finished on the caller's. Both
 * threads take the next story folder not yet taken, so the caller's share is what is left when it
 * arrives; a stat is a system call, so the two overlap usefully even on two processors. Each
 * story's stamps go to its own slot and the slots are digested in order: the digest cannot depend
 * on which thread stamped what. It runs on a cold JVM, where it is most of what a compile with
 * nothing to do costs, so it uses plain loops and builders rather than streams and lambdas, whose
 * first use costs more than the walk.
 */
public final class StampWalk {
    private final Path root;
    private final List<Path> stories;
    private final String[] storyStamps;
    private final AtomicInteger nextStory = new AtomicInteger();
    private final Stamps top = new Stamps();
    private final Thread helper;
    private volatile IOException failed;
    private long helperNewest = Long.MIN_VALUE;
    /** The digest of the top level's and the stories' stamps, once both threads are done. */
    private MessageDigest walked;
    private long walkedNewest;

    private StampWalk(Path root, List<Path> stories) {
        this.root = root;
        this.stories = stories;
        this.storyStamps = new String[stories == null ? 0 : stories.size()];
        this.helper = new Thread(this::stampOnHelper, "storyc-stamps");
        helper.setDaemon(true);
    }

    /** Starts stamping {@code root}'s top level and its stories on a second thread. */
    public static StampWalk begin(Path root) {
        List<Path> stories;
        try {
            Path folder = root.resolve("stories");
            stories = Files.isDirectory(folder) ? children(folder) : List.of();
        } catch (IOException e) {
            stories = null;
        }
        StampWalk walk = new StampWalk(root, stories);
        if (stories != null) {
            walk.helper.start();
        }
        return walk;
    }

    /**
     * Stamps the stories not yet taken and {@code imports} here, waits for the helper, and returns
     * the stamps; empty when a folder could not be listed or an entry read. It may be called again
     * with other imports: the folders are walked once, the imports stamped on every call.
     */
    public synchronized Optional<InputStamps> finish(Collection<String> imports) {
        if (stories == null) {
            return Optional.empty();
        }
        try {
            if (walked == null) {
                long newest = stampStories();
                helper.join();
                if (failed != null) {
                    return Optional.empty();
                }
                walked = MessageDigest.getInstance("SHA-256");
                walked.update("storyc-input-stamps-3\n".getBytes(StandardCharsets.UTF_8));
                walked.update(top.text.toString().getBytes(StandardCharsets.UTF_8));
                for (String story : storyStamps) {
                    walked.update(story.getBytes(StandardCharsets.UTF_8));
                }
                walkedNewest = Math.max(newest, Math.max(helperNewest, top.newest));
            }
            Stamps imported = new Stamps();
            for (String relative : new TreeSet<>(imports)) {
                imported.stamp(root.resolve(relative), "import " + relative, false);
            }
            // A copy of the walked digest, so that another call can add other imports to it.
            MessageDigest digest = (MessageDigest) walked.clone();
            digest.update(imported.text.toString().getBytes(StandardCharsets.UTF_8));
            long newest = Math.max(walkedNewest, imported.newest);
            return Optional.of(new InputStamps(HexFormat.of().formatHex(digest.digest()), newest));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException
                | NoSuchAlgorithmException | CloneNotSupportedException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void stampOnHelper() {
        try {
            for (String file : TopLevelEntries.FILES) {
                top.stamp(root.resolve(file), file, false);
            }
            for (String folder : TopLevelEntries.FOLDERS) {
                Path path = root.resolve(folder);
                if (top.stamp(path, folder, true) && !folder.equals("stories")) {
                    top.walk(path);
                }
            }
            // Read by finish() after join(), which orders the write before the read.
            helperNewest = stampStories();
        } catch (IOException | RuntimeException e) {
            failed = e instanceof IOException io ? io : new IOException(e);
        }
    }

    /**
     * Stamps story folders until none is left, each into its slot, and returns the newest
     * modification time among them.
     */
    private long stampStories() throws IOException {
        long newest = Long.MIN_VALUE;
        for (int i = nextStory.getAndIncrement(); i < stories.size();
                i = nextStory.getAndIncrement()) {
            Stamps story = new Stamps();
            story.story(stories.get(i));
            storyStamps[i] = story.text.toString();
            newest = Math.max(newest, story.newest);
        }
        return newest;
    }

    /** Returns a folder's entries in name order, without dot-files. */
    private static List<Path> children(Path folder) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    children.add(entry);
                }
            }
        }
        children.sort(null);
        return children;
    }

    /**
     * One thread's stamps, as text: per entry its name (length-prefixed, since a name may hold any
     * character but a slash), type, size, modification time and file key; a folder's entries
     * follow it and end with a line of their own. Names rather than paths keep the text, which is
     * digested on a cold JVM, small. {@link StoryStamps} stamps each story's files with it too.
     */
    static final class Stamps {
        final StringBuilder text = new StringBuilder();
        long newest = Long.MIN_VALUE;

        /** Stamps a story folder, walked through a link to it, as the loader reads it. */
        void story(Path folder) throws IOException {
            if (stamp(folder, folder.getFileName().toString(), true)) {
                walk(folder);
            }
        }

        /** Stamps every entry below {@code folder}, depth first in name order. */
        void walk(Path folder) throws IOException {
            for (Path child : children(folder)) {
                if (stamp(child, child.getFileName().toString(), false)) {
                    walk(child);
                }
            }
            text.append("end\n");
        }

        /**
         * Adds one entry's stamp (or its absence) and returns whether it is a folder to walk into:
         * a folder, or with {@code throughLink} a link to one (the loader follows a link to a
         * top-level or story folder, and none below). A link is stamped twice, itself and what it
         * leads to, since the loader reads through it. Each entry costs one stat, two for a link:
         * the walk is most of what it costs.
         */
        boolean stamp(Path path, String name, boolean throughLink) throws IOException {
            text.append(name.length()).append(':').append(name);
            BasicFileAttributes own;
            try {
                own = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                text.append(" absent\n");
                return false;
            }
            describe(own);
            boolean folder = own.isDirectory();
            if (own.isSymbolicLink()) {
                text.append(" ->");
                try {
                    BasicFileAttributes target =
                            Files.readAttributes(path, BasicFileAttributes.class);
                    describe(target);
                    folder = throughLink && target.isDirectory();
                } catch (NoSuchFileException e) {
                    text.append(" absent");
                }
            }
            text.append('\n');
            return folder;
        }

        private void describe(BasicFileAttributes attributes) {
            long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            newest = Math.max(newest, modified);
            char type = attributes.isDirectory() ? 'd' : attributes.isRegularFile() ? 'f'
                    : attributes.isSymbolicLink() ? 'l' : 'o';
            text.append(' ').append(type).append(' ').append(attributes.size()).append(' ')
                    .append(modified).append(' ').append(attributes.fileKey());
        }
    }
}
