package dev.storyc.site;

import dev.storyc.release.ReleaseDiff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One release manifest as the site shows it.
 *
 * @param stories the stories in the manifest's order
 * @param pins story id to pinned git tree; empty for an unsealed release
 * @param environments the environments that compile this release
 * @param previous the release before this one, by name, with the diff from it
 */
public record ReleaseEntry(
        String name,
        String path,
        List<String> stories,
        Map<String, String> pins,
        List<String> environments,
        Optional<Previous> previous) {

    /** The release before, and what changed since it. */
    public record Previous(String name, ReleaseDiff diff) {}

    public ReleaseEntry {
        stories = List.copyOf(stories);
        pins = java.util.Collections.unmodifiableMap(new TreeMap<>(pins));
        environments = List.copyOf(environments);
    }

    public boolean sealed() {
        return !pins.isEmpty();
    }
}
