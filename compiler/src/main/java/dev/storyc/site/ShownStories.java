package dev.storyc.site;

import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stories the site shows: every story on main, and every story an environment still compiles
 * from a sealed release's pin after main deleted it. Production keeps running such a story until a
 * release drops it, so the board, its page and the lineage must keep showing it, as {@code storyc
 * status} does.
 */
public final class ShownStories {
    private ShownStories() {}

    /**
     * Returns the stories in id order. A story gone from main is shown as the first environment (in
     * the order given) that compiles it pins it, so the choice does not depend on the run.
     */
    public static List<Story> of(Map<StoryId, Story> onMain, Collection<CompiledEnvironment> environments) {
        Map<StoryId, Story> shown = new TreeMap<>(onMain);
        for (CompiledEnvironment environment : environments) {
            for (Story story : environment.selection().stories()) {
                shown.putIfAbsent(story.id(), story);
            }
        }
        return List.copyOf(shown.values());
    }
}
