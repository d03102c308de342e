package dev.storyc.publish;

import java.util.List;

/**
 * Commits on a remote branch that storyc did not make: they lack storyc's trailers, or the remote
 * no longer descends from what storyc last pushed there. storyc reports them and leaves the remote
 * as it is; {@code --adopt-drift} builds the next commit on top of them instead.
 *
 * @param reason why these commits are drift, as a sentence fragment
 * @param commits the foreign commits, newest first; at most {@link #SHOWN} of them
 * @param total how many foreign commits there are in all, counting at most a thousand
 * @param rewritten whether the remote's history was rewritten (reset or force-pushed), in which
 *     case the commits shown are the remote's head, storyc's own or not, rather than foreign ones
 */
public record Drift(String reason, List<Commit> commits, int total, boolean rewritten) {
    /** How many foreign commits a report lists. */
    static final int SHOWN = 10;

    public Drift {
        commits = List.copyOf(commits);
    }

    /** Returns what to do about it, in a person's words. */
    public String hint() {
        return rewritten
                ? "someone reset or force-pushed the remote branch, and storyc never builds over history it"
                        + " did not see go; find out why, then run with --adopt-drift to build the next commit"
                        + " on the remote's head as it is now"
                : "storyc never overwrites a commit it did not make. Move the change into the stories and"
                        + " revert it on the remote, or run with --adopt-drift to build the next commit on top of it";
    }

    /** One foreign commit, as a person would recognise it. */
    public record Commit(String id, String author, String subject) {
        @Override
        public String toString() {
            return id.substring(0, 12) + "  " + author + "  \"" + subject + "\"";
        }
    }
}
