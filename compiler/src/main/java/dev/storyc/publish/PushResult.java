package dev.storyc.publish;

/** What pushing an output repository to its remote did. */
public sealed interface PushResult permits PushResult.Pushed, PushResult.UpToDate, PushResult.Drifted {

    /** The remote branch moved, fast-forward, to {@code commit}. */
    record Pushed(String commit, int attempts, boolean rebuilt) implements PushResult {}

    /** The remote already holds everything the local branch has; nothing was sent. */
    record UpToDate(String commit) implements PushResult {}

    /** The remote holds commits storyc did not make; nothing was sent and the remote is untouched. */
    record Drifted(Drift drift) implements PushResult {}
}
