package dev.storyc.release;

import dev.storyc.diag.Position;
import dev.storyc.workspace.StoryId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ReleaseManifest is one {@code releases/<name>.toml}: the ordered list of stories a release ships
 * and, once sealed, the git tree each story is pinned to.
 *
 * @param sealed whether the manifest has a {@code [pins]} table
 */
public record ReleaseManifest(String name, String path, List<Entry> stories, Map<StoryId, String> pins,
        Map<StoryId, Position> pinPositions, boolean sealed) {

    /** One line of {@code stories = [...]}, with the place it was written. */
    public record Entry(StoryId story, Position position) {}

    public ReleaseManifest {
        stories = List.copyOf(stories);
        pins = Map.copyOf(pins);
        pinPositions = Map.copyOf(pinPositions);
    }

    /**
     * Returns true when the manifest has its {@code [pins]} table, even an empty one: a sealed
     * release whose last story was backed out stays sealed, so the back-out's commit is tagged
     * {@code release/<name>+2} like any other (round 22: it went untagged, and the release read
     * as a draft).
     */
    public boolean isSealed() {
        return sealed;
    }

    /** Returns where the release lists a story. */
    public Optional<Position> positionOf(StoryId story) {
        return stories.stream().filter(e -> e.story().equals(story)).map(Entry::position).findFirst();
    }
}
