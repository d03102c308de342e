package dev.storyc.site;

import dev.storyc.release.ReleaseDiff;
import dev.storyc.workspace.StoryId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The releases page: each manifest, its pins, and what changed from the release before it. */
final class Releases {
    private Releases() {}

    static Map<String, Object> page(SiteInput input) {
        List<Map<String, Object>> releases = new ArrayList<>();
        // Newest first: the release a manager works on is the one at the top.
        for (int i = input.releases().size() - 1; i >= 0; i--) {
            releases.add(release(input.releases().get(i)));
        }
        return Map.of("releases", releases, "none", releases.isEmpty());
    }

    private static Map<String, Object> release(ReleaseEntry release) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", release.name());
        row.put("path", release.path());
        row.put("sealed", release.sealed());
        row.put(
                "environments",
                release.environments().isEmpty()
                        ? "none"
                        : String.join(", ", release.environments()));
        List<Map<String, Object>> stories = new ArrayList<>();
        int order = 0;
        for (String story : release.stories()) {
            stories.add(
                    Map.of(
                            "order",
                            ++order,
                            "id",
                            story,
                            "href",
                            StoryPages.path(story),
                            "pin",
                            release.pins().getOrDefault(story, "main")));
        }
        row.put("stories", stories);
        release.previous().ifPresent(previous -> row.put("diff", diff(previous)));
        return row;
    }

    /** Returns what changed since the previous release: stories in, stories out, files changed. */
    private static Map<String, Object> diff(ReleaseEntry.Previous previous) {
        ReleaseDiff diff = previous.diff();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("from", previous.name());
        values.put("added", diff.added().stream().map(StoryId::value).toList());
        values.put("removed", diff.removed().stream().map(StoryId::value).toList());
        List<Map<String, Object>> changed = new ArrayList<>();
        diff.changed()
                .forEach(
                        (id, changes) ->
                                changed.add(
                                        Map.of(
                                                "id",
                                                id.value(),
                                                "files",
                                                changes.stream()
                                                        .map(c -> c.kind() + " " + c.path())
                                                        .toList())));
        values.put("changed", changed);
        values.put("same", diff.added().isEmpty() && diff.removed().isEmpty() && changed.isEmpty());
        return values;
    }
}
