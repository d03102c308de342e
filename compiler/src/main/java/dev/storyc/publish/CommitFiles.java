package dev.storyc.publish;

import dev.storyc.emit.LockFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.emit.PreviousOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads what one commit of an output repository holds, from git objects: a file, the output a
 * compile builds on, and the workspace commit it was compiled from.
 */
final class CommitFiles {
    private CommitFiles() {}

    /** Returns the text of a file in {@code commit}, if it holds one at {@code path}. */
    static Optional<String> read(Repository repository, ObjectId commit, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(commit).getTree())) {
            if (tree == null) {
                return Optional.empty();
            }
            return Optional.of(new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Returns {@code commit} as the output a compile builds on: its lock, and its files read as
     * asked (a read failure reads as absence, as back-out treats the head's files).
     */
    static PreviousOutput asPreviousOutput(Repository repository, ObjectId commit) {
        Function<String, Optional<String>> file = path -> {
            try {
                return read(repository, commit, path);
            } catch (IOException e) {
                return Optional.empty();
            }
        };
        return new PreviousOutput(file.apply(OutputLayout.LOCK).flatMap(LockFile::parse), file);
    }

    /**
     * Returns the {@code Storyc-Source} of the commit {@code ref} names: the workspace commit it was
     * compiled from, with {@code +dirty} when uncommitted changes were in it.
     */
    static Optional<String> source(Repository repository, String ref) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(ref);
            if (head == null) {
                return Optional.empty();
            }
            return walk.parseCommit(head).getFooterLines("Storyc-Source").stream().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
