package dev.storyc.emit;

import dev.storyc.workspace.Story;

/**
 * Computes the identity of a story's source content: the git tree id its folder has (or would have)
 * when committed. An interface so that the pure stages can ask for it without touching git.
 */
@FunctionalInterface
public interface ContentIds {
    /** Returns the 40-digit git tree id of the story's source folder. */
    String treeIdOf(Story story);
}
