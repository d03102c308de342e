package dev.storyc.cli;

import dev.storyc.emit.ContentIds;
import dev.storyc.workspace.InputStamps;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.StoryStamps;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * Story tree ids remembered across runs by the stamps of the files they were computed from, as
 * git's index remembers a file's blob id: a story whose files' {@link StoryStamps} equal those of
 * an earlier run has the tree id that run computed, without hashing its files again. Every
 * compile needs every story's id (the fingerprint of each environment covers them all), and
 * hashing them was a tenth of a compile after a one-story edit at 1,000 stories.
 *
 * <p>Only the stories of the working tree are looked up, by identity: a sealed release compiles
 * pinned copies of stories, with the same ids and other bytes. Only trusted stamps are remembered
 * ({@link StoryStamps#trusted}). The entry holds one line per story, {@code id digest tree}, for
 * the stories of the last run that remembered it; a line that does not parse voids the entry.
 */
final class RememberedStoryIds implements ContentIds {
    private static final Pattern LINE = Pattern.compile("([a-z][a-z0-9-]*) ([0-9a-f]{64}) ([0-9a-f]{40})");

    private final ContentIds computed;
    private final Map<StoryId, Story> stories;
    private final StoryStamps stamps;
    private final Map<String, String> earlier;
    private final Map<String, String> now = new ConcurrentSkipListMap<>();

    /**
     * @param stories the working tree's stories, the only ones whose stamps were taken
     * @param earlier what {@link #decode} read from the entry an earlier run left
     */
    RememberedStoryIds(ContentIds computed, Map<StoryId, Story> stories, StoryStamps stamps,
            Map<String, String> earlier) {
        this.computed = computed;
        this.stories = stories;
        this.stamps = stamps;
        this.earlier = earlier;
    }

    @Override
    public String treeIdOf(Story story) {
        Optional<InputStamps> stamp =
                stories.get(story.id()) == story ? stamps.of(story.id()) : Optional.empty();
        if (stamp.isEmpty()) {
            return computed.treeIdOf(story);
        }
        String key = story.id().value() + " " + stamp.get().digest();
        String tree = earlier.get(key);
        if (tree == null) {
            tree = computed.treeIdOf(story);
        }
        if (stamps.trusted(stamp.get())) {
            now.put(key, tree);
        }
        return tree;
    }

    /** Returns whether this run knows other ids than the entry it read, so should write it. */
    boolean changed() {
        return !now.equals(earlier);
    }

    /** Returns the entry's payload: a line per story whose id this run remembered, in id order. */
    byte[] encode() {
        StringBuilder text = new StringBuilder();
        now.forEach((key, tree) -> text.append(key).append(' ').append(tree).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the ids an entry holds, or none when any of its lines is not one {@link #encode} wrote. */
    static Map<String, String> decode(String payload) {
        SortedMap<String, String> ids = new TreeMap<>();
        for (String line : payload.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            var match = LINE.matcher(line);
            if (!match.matches()) {
                return Map.of();
            }
            ids.put(match.group(1) + " " + match.group(2), match.group(3));
        }
        return ids;
    }
}
