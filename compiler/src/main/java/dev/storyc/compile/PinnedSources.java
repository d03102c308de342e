package dev.storyc.compile;

import dev.storyc.diag.Result;
import dev.storyc.workspace.PinnedStories;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import java.util.List;
import java.util.Map;

/**
 * Reads the stories of a sealed release from the git trees its pins name. Reading git is I/O, so
 * {@link ProjectCompiler} asks through this interface and the edge (the CLI, over
 * {@code workspace.SourceRepository}) answers; everything around it stays pure and testable.
 */
@FunctionalInterface
public interface PinnedSources {
    /**
     * Returns each pinned story as it was when sealed, or located diagnostics (a tree that the
     * repository lacks is an error at its pin's line).
     *
     * @param release the sealed release's name, for messages
     */
    Result<Map<StoryId, Story>> load(String release, List<PinnedStories.Pin> pins);
}
