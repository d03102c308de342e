package dev.storyc.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The cache on disk, one file per entry under {@code <root>/<2 hex>/<62 hex>}. Every write goes to
 * a temporary file beside its target and is renamed into place, so a reader sees a whole entry or
 * none, whether a writer is killed or two runs write the same key at once (both write the same
 * bytes; the last rename wins). A read refreshes the entry's modification time, which is what
 * {@link #trim} evicts by: the least recently used first.
 *
 * <p>The cache only ever saves work, so reading and writing entries never fail a run: an unreadable
 * or corrupt entry is a miss, and a write that fails is skipped.
 */
public final class CacheStore {
    /** The prefix of a write in progress; such files are never read. */
    static final String TEMPORARY = ".tmp-";

    /** How old a temporary file must be before trimming takes it for a killed write's leftover. */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    /**
     * Made on first use, not with the class: seeding it was a visible part of a compile with
     * nothing to do, which reads the cache but writes nothing.
     */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    private final Path root;
    private final long maxBytes;
    private final Path saltFile;

    /**
     * The entry folders this store has found to be real folders, reached through no link. A run
     * reads and writes thousands of entries (one per dashboard) in 256 folders, and checking every
     * folder on the way up to the workspace for each was three system calls an entry. A link
     * planted to redirect the cache is there before the run starts, so a folder checked once is
     * checked for the run.
     */
    private final Set<Path> plainFolders = ConcurrentHashMap.newKeySet();

    /** Whether this store has made sure that git ignores it; see {@link #ignoredByGit}. */
    private volatile boolean ignored;

    /**
     * Returns the cache in {@code root} (created on first write), trimmed to {@code maxBytes}.
     *
     * @param saltFile where this machine's salt is kept: outside the workspace, so that entries
     *     committed into a repository, or planted in a CI cache, can never match a key
     */
    public CacheStore(Path root, long maxBytes, Path saltFile) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.saltFile = saltFile;
    }

    /** Returns the folder the entries live in. */
    public Path root() {
        return root;
    }

    /** Returns an entry's payload, or empty when it is missing or corrupt (then it is removed). */
    public Optional<byte[]> get(CacheKey key) {
        Path file = root.resolve(key.relativePath());
        if (linked(file.getParent())) {
            return Optional.empty();
        }
        byte[] stored;
        try {
            stored = readRegular(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<byte[]> payload = CacheEntry.open(key, stored);
        try {
            if (payload.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            }
        } catch (IOException e) {
            // A read-only cache still answers; it just cannot be tidied.
        }
        return payload;
    }

    /**
     * Reads a file that must be a regular one. Opening a named pipe blocks until something writes
     * to it, so a FIFO left in the cache hung every check; anything but a regular file is removed
     * and reads as missing, as a corrupt entry does.
     */
    private static byte[] readRegular(Path file) throws IOException {
        var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            if (attributes.isOther()) {
                Files.deleteIfExists(file);
            }
            throw new IOException("`" + file + "` is not a regular file");
        }
        return Files.readAllBytes(file);
    }

    /** Returns an entry's payload as UTF-8 text. */
    public Optional<String> getText(CacheKey key) {
        return get(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Stores {@code payload} under {@code key}; returns false when the disk refused. */
    public boolean put(CacheKey key, byte[] payload) {
        try {
            write(root.resolve(key.relativePath()), CacheEntry.seal(key, payload), true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stores a text entry. */
    public boolean putText(CacheKey key, String text) {
        return put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns this machine's random salt, if it has one yet. Every key is salted, so that nobody
     * can write an entry that this machine's runs would find (a verdict that skips a check, files
     * that land in an output) without reading the salt, and so that a key says nothing about the
     * secret values it covers.
     */
    public Optional<String> salt() {
        try {
            String existing = new String(readRegular(saltFile), StandardCharsets.US_ASCII).strip();
            return existing.matches("[0-9a-f]{64}") ? Optional.of(existing) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Returns a new random salt, for a cache that has none yet; see {@link #keepSalt}. */
    public static String newSalt() {
        byte[] bytes = new byte[32];
        Random.INSTANCE.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Makes {@code salt} this machine's salt unless it has one already, and returns the one it has
     * afterwards, or empty when none could be kept (an unwritable home): entries keyed by a salt
     * that is not kept could never be found again. When two first runs race, the first link wins
     * and the other's entries, keyed by a salt that lost, are simply never written.
     */
    public Optional<String> keepSalt(String salt) {
        Optional<String> existing = salt();
        if (existing.isPresent()) {
            return existing;
        }
        try {
            write(saltFile, (salt + "\n").getBytes(StandardCharsets.US_ASCII), false);
        } catch (IOException e) {
            // Another run made it first (the link refuses to replace it), or the disk refused.
        }
        return salt();
    }

    /**
     * Removes temporary files that a killed write left, then the least recently used entries until
     * the rest fit in the size cap.
     */
    public void trim() {
        try {
            List<Stored> entries = new ArrayList<>();
            long total = 0;
            Instant abandoned = Instant.now().minus(ABANDONED);
            for (Stored stored : list()) {
                if (stored.temporary()) {
                    if (stored.modified().isBefore(abandoned)) {
                        Files.deleteIfExists(stored.path());
                    }
                    continue;
                }
                entries.add(stored);
                total += stored.size();
            }
            entries.sort(Comparator.comparing(Stored::modified));
            for (Stored oldest : entries) {
                if (total <= maxBytes) {
                    break;
                }
                Files.deleteIfExists(oldest.path());
                total -= oldest.size();
            }
        } catch (IOException | UncheckedIOException e) {
            // Trimming is housekeeping; the next run tries again.
        }
    }

    /** Returns what the cache holds. */
    public CacheStats stats() throws IOException {
        long entries = 0;
        long bytes = 0;
        long temporary = 0;
        for (Stored stored : list()) {
            if (stored.temporary()) {
                temporary++;
            } else {
                entries++;
                bytes += stored.size();
            }
        }
        return new CacheStats(root.toString(), entries, bytes, temporary, maxBytes);
    }

    /**
     * Removes every entry (the salt, kept elsewhere, stays); returns how many files were removed.
     */
    public long clean() throws IOException {
        plainFolders.clear();
        ignored = false;
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            // A file or a link where the cache belongs stops every cache write, and "removed 0
            // files" would leave it there while saying the cache is clean. The path is storyc's
            // own, so what stands on it goes; a link goes without what it leads to.
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(root);
                return 1;
            }
            return 0;
        }
        long[] removed = {0};
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                            throws IOException {
                        Files.deleteIfExists(file);
                        removed[0]++;
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e)
                            throws IOException {
                        if (!dir.equals(root)) {
                            Files.deleteIfExists(dir);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        return removed[0];
    }

    /** One file in the cache. */
    private record Stored(Path path, long size, Instant modified, boolean temporary) {}

    private List<Stored> list() throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Stored> all = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder :
                    folders.filter(f -> f.getFileName().toString().length() == 2).toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        try {
                            BasicFileAttributes attributes =
                                    Files.readAttributes(
                                            file,
                                            BasicFileAttributes.class,
                                            LinkOption.NOFOLLOW_LINKS);
                            all.add(
                                    new Stored(
                                            file,
                                            attributes.size(),
                                            attributes.lastModifiedTime().toInstant(),
                                            file.getFileName().toString().startsWith(TEMPORARY)));
                        } catch (NoSuchFileException e) {
                            // another run trimmed it meanwhile
                        }
                    }
                } catch (NoSuchFileException e) {
                    // another run cleaned it meanwhile
                }
            }
        }
        return all;
    }

    /**
     * Writes {@code bytes} to a temporary file beside {@code target}, then renames it there; with
     * {@code replace} false it is linked there instead, which fails when the target exists.
     */
    private void write(Path target, byte[] bytes, boolean replace) throws IOException {
        Path folder = target.getParent();
        if (!plainFolders.contains(folder)) {
            Files.createDirectories(folder);
        }
        if (linked(folder)) {
            throw new IOException("the cache folder " + folder + " leads through a symbolic link");
        }
        if (target.startsWith(root)) {
            ignoredByGit();
        }
        Path temporary = folder.resolve(TEMPORARY + HexFormat.of().toHexDigits(Random.INSTANCE.nextLong()));
        try {
            Files.write(temporary, bytes);
            if (!replace) {
                // rename(2) would replace a target that appeared meanwhile; link(2) refuses to.
                Files.createLink(target, temporary);
            } else {
                try {
                    Files.move(
                            temporary,
                            target,
                            StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Returns true when {@code folder}, or a folder between it and the workspace ({@code .storyc},
     * the cache root), is a symbolic link: a repository could commit one to send the cache's writes
     * outside the workspace, so the cache then neither reads nor writes.
     */
    private boolean linked(Path folder) {
        if (!folder.startsWith(root)) {
            return Files.isSymbolicLink(folder);
        }
        if (plainFolders.contains(folder)) {
            return false;
        }
        Path top = root.getParent() == null ? root : root.getParent();
        for (Path path = folder; path != null && path.startsWith(top); path = path.getParent()) {
            if (Files.isSymbolicLink(path)) {
                return true;
            }
        }
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            plainFolders.add(folder);
        }
        return false;
    }

    /**
     * Puts a {@code .gitignore} of {@code *} in the cache's parent folder ({@code .storyc}), so the
     * cache stays out of git even in a workspace whose own .gitignore does not name it.
     */
    private void ignoredByGit() throws IOException {
        if (ignored) {
            return;
        }
        Path parent = root.getParent();
        if (parent == null || !parent.getFileName().toString().equals(".storyc")) {
            return;
        }
        Path ignore = parent.resolve(".gitignore");
        if (!Files.exists(ignore, LinkOption.NOFOLLOW_LINKS)) {
            Files.writeString(ignore, "# storyc's local cache and state; never committed.\n*\n");
        }
        ignored = true;
    }
}
