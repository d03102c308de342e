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
 */
public record Drift(String reason, List<Commit> commits, int total) {
    /** How many foreign commits a report lists. */
    static final int SHOWN = 10;

    public Drift {
        commits = List.copyOf(commits);
    }

    /** One foreign commit, as a person would recognise it. */
    public record Commit(String id, String author, String subject) {
        @Override
        public String toString() {
            return id.substring(0, 12) + "  " + author + "  \"" + subject + "\"";
        }
    }
}
