package dev.storyc.publish;

/** What publishing an output tree did to its repository. */
public sealed interface PublishResult permits PublishResult.Committed, PublishResult.Unchanged {

    /** Returns the commit the branch points at afterwards. */
    String commit();

    /** Returns the tree of that commit. */
    String tree();

    /** A new commit was made and the branch moved to it. */
    record Committed(String commit, String tree) implements PublishResult {}

    /** The tree equals the branch's tree, so no commit was made. */
    record Unchanged(String commit, String tree) implements PublishResult {}
}
