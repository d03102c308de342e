package dev.storyc.publish;

import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an output tree's objects and the commit that holds them, without moving any ref: nothing
 * refers to the objects until the branch moves, so a crash here leaves only unreachable objects.
 */
final class TreeCommits {
    static final PersonIdent AUTHOR_TEMPLATE = new PersonIdent("storyc", "storyc@localhost");

    /** New objects from which a publish writes one pack instead of loose objects. */
    static final int PACK_THRESHOLD = 64;

    /**
     * The deflate level of the packs a publish writes (a few loose objects keep git's level).
     * Chosen on measurement:
     * the 94,484 files of the 1,000-story, 12-environment synthetic workspace (73.0 MB) deflate,
     * one object at a time as a pack writes them, to 22.48 MB in 606 ms at level 1, 22.19 MB in
     * 650 ms at 3, 21.42 MB in 752 ms at 6 and 21.36 MB in 1,025 ms at 9 (JGit's pack inserter's
     * own default). Level 1 costs 5% more disk than 9 and saves 40% of the time, paid on every
     * compile; {@code git gc} repacks at git's own level whenever someone cares about the bytes.
     */
    static final int COMPRESSION = 1;

    /**
     * The blobs of one tree: the ids known so far, by path, and the files whose blobs the
     * repository lacks, which {@link #insertMissing} writes and adds to {@code ids}.
     */
    record Blobs(Map<String, ObjectId> ids, List<OutputFile> missing) {}

    private final Repository repository;
    private final Path directory;
    private final Progress progress;

    TreeCommits(Repository repository, Path directory, Progress progress) {
        this.repository = repository;
        this.directory = directory;
        this.progress = progress;
    }

    /**
     * Finds the blobs of {@code tree} that the repository lacks, hashing each file once. On a
     * branch with history every distinct text is hashed here, once per process ({@link BlobIds}),
     * and only the missing ones are inserted (the inserter hashes those again, so an incremental
     * compile pays twice only for what changed); a
     * branch without a commit ({@code fresh}) has nothing to share, so every file goes straight to
     * the inserter, whose hash is then the only one. Hashing keeps JGit's collision-detecting
     * SHA-1: on these files the JDK's plain SHA-1 is only 30% faster, not worth a second kind of
     * id.
     */
    Blobs hash(OutputTree tree, boolean fresh) throws IOException {
        Map<String, ObjectId> ids = new HashMap<>();
        if (fresh) {
            return new Blobs(ids, new ArrayList<>(tree.all()));
        }
        List<OutputFile> missing = new ArrayList<>();
        Set<ObjectId> seen = new HashSet<>();
        ObjectDatabase objects = repository.getObjectDatabase();
        try (ObjectInserter.Formatter hasher = new ObjectInserter.Formatter()) {
            for (OutputFile file : tree.all()) {
                ObjectId id = BlobIds.of(file.text(), hasher);
                ids.put(file.path(), id);
                if (seen.add(id) && !objects.has(id)) {
                    missing.add(file);
                }
            }
        }
        return new Blobs(ids, missing);
    }

    /** Writes the missing blobs through {@code inserter}; progress counts only these. */
    void insertMissing(Blobs blobs, ObjectInserter inserter) throws IOException {
        ProgressMonitor monitor =
                blobs.missing().isEmpty()
                        ? NullProgressMonitor.INSTANCE
                        : progress.localMonitor(directory.getFileName().toString());
        monitor.beginTask("Writing objects", blobs.missing().size());
        for (OutputFile file : blobs.missing()) {
            ObjectId id = inserter.insert(Constants.OBJ_BLOB, file.bytes());
            blobs.ids().put(file.path(), id);
            BlobIds.remember(file.text(), id);
            monitor.update(1);
        }
        monitor.endTask();
    }

    /**
     * Returns an inserter that writes one pack when a publish adds many objects, and loose objects
     * otherwise. Thousands of loose files cost far more than one pack, while a pack per small
     * compile would pile up; git's own {@code receive.unpackLimit} draws the same line. Both write
     * to temporary files renamed into place, and nothing refers to the objects until the branch
     * moves.
     */
    ObjectInserter inserterFor(int newObjects) {
        if (newObjects >= PACK_THRESHOLD
                && repository.getObjectDatabase() instanceof ObjectDirectory objects) {
            PackInserter pack = objects.newPackInserter();
            pack.setCompressionLevel(COMPRESSION);
            return pack;
        }
        return repository.newObjectInserter();
    }

    /** Writes the tree objects of {@code tree} from its blobs' ids: no file is hashed again. */
    static ObjectId writeTree(OutputTree tree, Blobs blobs, ObjectInserter inserter)
            throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (OutputFile file : tree.all()) {
            DirCacheEntry entry = new DirCacheEntry(file.path());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(blobs.ids().get(file.path()));
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    /** Writes a storyc commit of {@code tree} on {@code parent} (null: a first commit). */
    static ObjectId commit(ObjectInserter inserter, ObjectId tree, ObjectId parent, String message)
            throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (parent != null) {
            commit.setParentId(parent);
        }
        PersonIdent ident = new PersonIdent(AUTHOR_TEMPLATE, Instant.now());
        commit.setAuthor(ident);
        commit.setCommitter(ident);
        commit.setMessage(message);
        return inserter.insert(commit);
    }
}
