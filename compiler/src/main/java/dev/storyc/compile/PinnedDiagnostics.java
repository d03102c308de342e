package dev.storyc.compile;

import dev.storyc.diag.Diagnostic;
import dev.storyc.emit.ContentIds;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says so on a diagnostic found in a story a sealed release pins, when the working tree has moved
 * on from the pin. Such a diagnostic names the story's file with the pinned text's line and
 * snippet, since that is what the environment compiles; but an editor opens the working tree, where
 * the line may hold something else, and a fix there changes nothing the release compiles. The note
 * points at the pin in the release file and says what to do.
 */
final class PinnedDiagnostics {
    private PinnedDiagnostics() {}

    /**
     * Returns {@code diagnostics}, found in {@code pinned} (the workspace as {@code release} pins
     * it), each one in a moved story's file with a note at its pin.
     */
    static List<Diagnostic> explain(List<Diagnostic> diagnostics, ReleaseManifest release, Workspace pinned,
            Workspace workingTree, ContentIds ids) {
        Map<String, StoryId> moved = new LinkedHashMap<>();
        Map<StoryId, PinDrift> drift = new LinkedHashMap<>();
        release.pins().forEach((story, tree) -> {
            PinDrift state = PinDrift.of(workingTree, ids, story, tree);
            if (state != PinDrift.SAME && pinned.story(story).isPresent()) {
                moved.put("stories/" + story.value() + "/", story);
                drift.put(story, state);
            }
        });
        if (moved.isEmpty()) {
            return diagnostics;
        }
        return diagnostics.stream().map(diagnostic -> {
            for (Map.Entry<String, StoryId> entry : moved.entrySet()) {
                if (diagnostic.position().file().startsWith(entry.getKey())) {
                    StoryId story = entry.getValue();
                    String sealed = "this is the text sealed release " + release.name() + " pins for `" + story
                            + "` (tree " + release.pins().get(story).substring(0, 12) + "), ";
                    return diagnostic.withRelated(release.pinPositions().get(story),
                            drift.get(story) == PinDrift.DELETED
                                    ? sealed + "which main has deleted since; the release still ships it: restore"
                                            + " the story on main, fix it and seal the release again, or drop it"
                                            + " from the release"
                                    : sealed + "which the working tree has changed since, so its lines may differ"
                                            + " there; fix it on main, then seal the release again");
                }
            }
            return diagnostic;
        }).toList();
    }
}
