package dev.storyc.compile;

import dev.storyc.emit.ContentIds;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Workspace;

/**
 * Where the working tree stands against a story's pin in a sealed release, decided once here for
 * every reader of pins: the diagnostics' note and the pinned-edit warnings each decided it apart,
 * and differed on a story main had deleted.
 */
enum PinDrift {
    /** The working tree holds the pinned tree itself. */
    SAME,
    /** The working tree holds the story with other content. */
    CHANGED,
    /** The working tree no longer has the story; the release still ships it as pinned. */
    DELETED;

    static PinDrift of(Workspace workingTree, ContentIds ids, StoryId story, String tree) {
        return workingTree.story(story)
                .map(current -> ids.treeIdOf(current).equals(tree) ? SAME : CHANGED)
                .orElse(DELETED);
    }
}
