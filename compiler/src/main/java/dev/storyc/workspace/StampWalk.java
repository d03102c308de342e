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

/**
 * A walk that takes {@link InputStamps}, begun on a second thread so that the caller can do other
 * work (read a cache entry) meanwhile, and finished on the caller's. A stat is a system call, so
 * the two threads overlap usefully even on two processors. It runs on a cold JVM, where it is most
 * of what a compile with nothing to do costs, so it uses plain loops and builders rather than
 * streams and lambdas, whose first use costs more than the walk. The halves are digested in order:
 * the digest cannot depend on which thread stamped what.
 */
public final class StampWalk {
    private final Path root;
    private final List<Path> stories;
    private final Stamps first = new Stamps();
    private final Stamps second = new Stamps();
    private final Thread helper;
    private volatile boolean cancelled;
    private IOException failed;

    private StampWalk(Path root, List<Path> stories) {
        this.root = root;
        this.stories = stories;
        this.helper = new Thread(this::stampFirstHalf, "storyc-stamps");
        helper.setDaemon(true);
    }

    /** Starts stamping {@code root}'s top level and the first half of its stories. */
    public static StampWalk begin(Path root) {
        List<Path> stories;
        try {
            stories = children(root.resolve("stories"));
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
     * Stamps the second half of the stories and {@code imports} here, waits for the first half,
     * and returns the stamps; empty when a folder could not be listed or an entry read.
     */
    public Optional<InputStamps> finish(Collection<String> imports) {
        if (stories == null) {
            return Optional.empty();
        }
        try {
            for (int i = stories.size() / 2; i < stories.size(); i++) {
                second.story(stories.get(i));
            }
            for (String relative : new TreeSet<>(imports)) {
                second.stamp(root.resolve(relative), "import " + relative);
            }
            helper.join();
            if (failed != null) {
                return Optional.empty();
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("storyc-input-stamps-2\n".getBytes(StandardCharsets.UTF_8));
            digest.update(first.text.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(second.text.toString().getBytes(StandardCharsets.UTF_8));
            return Optional.of(new InputStamps(HexFormat.of().formatHex(digest.digest()),
                    Math.max(first.newest, second.newest)));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException
                | NoSuchAlgorithmException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Stops the walk early, for a caller that found it needs no stamps after all. */
    public void cancel() {
        cancelled = true;
    }

    private void stampFirstHalf() {
        try {
            for (String file : TopLevelEntries.FILES) {
                first.stamp(root.resolve(file), file);
            }
            for (String folder : TopLevelEntries.FOLDERS) {
                Path path = root.resolve(folder);
                first.stamp(path, folder);
                // The loader walks a top-level folder through a link to it, but no link below.
                if (Files.isDirectory(path) && !folder.equals("stories")) {
                    first.walk(path);
                }
            }
            for (int i = 0; i < stories.size() / 2 && !cancelled; i++) {
                first.story(stories.get(i));
            }
        } catch (IOException | RuntimeException e) {
            failed = e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** Returns a folder's entries in name order, without dot-files; none when it is no folder. */
    private static List<Path> children(Path folder) throws IOException {
        List<Path> children = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return children;
        }
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
     * digested on a cold JVM, small.
     */
    private static final class Stamps {
        private final StringBuilder text = new StringBuilder();
        private long newest = Long.MIN_VALUE;

        /** Stamps a story folder, walked through a link to it, as the loader reads it. */
        void story(Path folder) throws IOException {
            stamp(folder, folder.getFileName().toString());
            if (Files.isDirectory(folder)) {
                walk(folder);
            }
        }

        /** Stamps every entry below {@code folder}, depth first in name order. */
        void walk(Path folder) throws IOException {
            for (Path child : children(folder)) {
                if (stamp(child, child.getFileName().toString())) {
                    walk(child);
                }
            }
            text.append("end\n");
        }

        /**
         * Adds one entry's stamp (or its absence) and returns whether it is a folder to walk into.
         * A link is stamped twice, itself and what it leads to, since the loader reads through it.
         */
        boolean stamp(Path path, String name) throws IOException {
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
            if (own.isSymbolicLink()) {
                text.append(" ->");
                try {
                    describe(Files.readAttributes(path, BasicFileAttributes.class));
                } catch (NoSuchFileException e) {
                    text.append(" absent");
                }
            }
            text.append('\n');
            return own.isDirectory() && !own.isSymbolicLink();
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
