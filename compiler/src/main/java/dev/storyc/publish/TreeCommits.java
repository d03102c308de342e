package dev.storyc.publish;

import dev.storyc.emit.OutputFile;
import dev.storyc.emit.OutputTree;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes an output tree's objects and the commit that holds them, without moving any ref: nothing
 * refers to the objects until the branch moves, so a crash here leaves only unreachable objects.
 */
final class TreeCommits {
    static final PersonIdent AUTHOR_TEMPLATE = new PersonIdent("storyc", "storyc@localhost");

    /** New objects from which a publish writes one pack instead of loose objects. */
    static final int PACK_THRESHOLD = 64;

    /** The objects of one tree: each file's blob id and the tree's id. */
    record Written(Map<String, ObjectId> blobs, ObjectId tree, int newObjects) {}

    private final Repository repository;
    private final Path directory;
    private final Progress progress;

    TreeCommits(Repository repository, Path directory, Progress progress) {
        this.repository = repository;
        this.directory = directory;
        this.progress = progress;
    }

    /** Returns the ids of {@code tree}'s blobs and how many of them the repository lacks. */
    Written ids(OutputTree tree) throws IOException {
        Map<String, ObjectId> blobs = new HashMap<>();
        int missing = 0;
        try (ObjectInserter.Formatter ids = new ObjectInserter.Formatter()) {
            for (OutputFile file : tree.all()) {
                ObjectId id = ids.idFor(Constants.OBJ_BLOB, file.bytes());
                blobs.put(file.path(), id);
                missing += repository.getObjectDatabase().has(id) ? 0 : 1;
            }
        }
        return new Written(blobs, null, missing);
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
            return objects.newPackInserter();
        }
        return repository.newObjectInserter();
    }

    /**
     * Writes the tree's objects; progress counts only the {@code newObjects} blobs the repository
     * lacks, so a compile that changes nothing stays silent.
     */
    ObjectId writeTree(OutputTree tree, ObjectInserter inserter, int newObjects)
            throws IOException {
        ProgressMonitor monitor =
                newObjects == 0
                        ? NullProgressMonitor.INSTANCE
                        : progress.monitor(directory.getFileName().toString());
        monitor.beginTask("Writing objects", tree.all().size());
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (OutputFile file : tree.all()) {
            byte[] bytes = file.bytes();
            DirCacheEntry entry = new DirCacheEntry(file.path());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setLength(bytes.length);
            entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, bytes));
            builder.add(entry);
            monitor.update(1);
        }
        builder.finish();
        ObjectId id = index.writeTree(inserter);
        monitor.endTask();
        return id;
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
