package dev.storyc.release;

import dev.storyc.workspace.Story;
import java.util.List;
import java.util.Optional;

/**
 * A Selection is what one environment compiles: its release (absent for {@code all}) and the
 * stories in dependency order, ties broken by the order the release lists them.
 */
public record Selection(String releaseName, Optional<ReleaseManifest> release, List<Story> stories) {
    public Selection {
        stories = List.copyOf(stories);
    }
}
