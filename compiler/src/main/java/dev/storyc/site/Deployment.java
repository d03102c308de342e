package dev.storyc.site;

import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code storyc site --live} learned from one environment's warehouse registry: either the
 * deployment word of each story, or why the database could not be read. A closed set, so the board
 * draws every case; an environment without {@code --live} has no deployment at all.
 */
public sealed interface Deployment {
    /** Returns the story's word for the board's cell. */
    String word(String story);

    /**
     * The registry was read.
     *
     * @param stories story id to {@code deployed}, {@code pending}, {@code partial},
     *     {@code edited} or {@code revert} (see {@code warehouse.ChangeStatus#byStory}); a story
     *     with no changes in the environment's plan or registry is missing
     */
    record Read(Map<String, String> stories) implements Deployment {
        public Read {
            stories = java.util.Collections.unmodifiableMap(new TreeMap<>(stories));
        }

        /** Returns the story's word, {@code -} when it has no changes in this database. */
        @Override
        public String word(String story) {
            return stories.getOrDefault(story, "-");
        }
    }

    /**
     * The database could not be reached or its registry read: a status view shows that instead of
     * failing.
     *
     * @param reason the message of the failure, as {@code storyc status --live} prints it
     */
    record Unreachable(String reason) implements Deployment {
        /** Returns {@code ?}: nothing is known about any story. */
        @Override
        public String word(String story) {
            return "?";
        }
    }
}
