package dev.storyc.compile;

import dev.storyc.emit.OutputTree;
import java.util.Optional;

/**
 * One environment's output repository, as the write step sees it: what its branch holds now, and
 * a way to commit a tree and tag a commit. {@code compile} is pure, so it writes only through this
 * interface; {@code publish} implements it with git, as it implements {@code emit.ContentIds}.
 *
 * @param <X> the exception a failed read or write throws, so that the edge keeps its own message
 *     and hint without {@code compile} depending on it
 */
public interface OutputStore<X extends Exception> {
    /** Returns a file's text at the branch's head, or empty when the branch or file is absent. */
    Optional<String> readAtHead(String path) throws X;

    /**
     * Returns a file at the branch's head, treating a read failure as absence: for looking back
     * (back-out), where a later write surfaces a broken repository anyway.
     */
    Optional<String> fileAtHead(String path);

    /** Commits {@code tree} on the branch unless it equals the head's tree. */
    Commit commit(OutputTree tree, String message) throws X;

    /** Points tag {@code name} at {@code commit}. */
    void tag(String name, String commit) throws X;

    /**
     * The commit the branch points at after {@link #commit}, its tree, and whether that call made
     * it.
     */
    record Commit(String id, String tree, boolean made) {}
}
