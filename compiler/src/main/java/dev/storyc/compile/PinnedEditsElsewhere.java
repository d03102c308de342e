package dev.storyc.compile;

import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.emit.ContentIds;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.warehouse.PinnedChangeEdits;
import dev.storyc.workspace.PinnedStories;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The E0804 warnings ({@link PinnedChangeEdits}) of the sealed releases that other environments
 * run, for a compile of the working tree alone: a developer's pre-commit {@code storyc check}
 * compiles only their own environment, yet it is the one run that sees an edit to a change
 * acceptance deployed before the edit is committed. Only stories whose working tree differs from
 * their pin (by tree id) are read from git, so an untouched workspace reads nothing.
 */
final class PinnedEditsElsewhere {
    private PinnedEditsElsewhere() {}

    /**
     * Returns the warnings for every sealed release an environment of {@code environments} runs,
     * except those in {@code compiled}, whose compilers warn already. A release whose pinned trees
     * cannot be read is passed over: the environments that run it report that when they compile.
     */
    static List<Diagnostic> find(Workspace workspace, Environments environments, ContentIds contentIds,
            PinnedSources pinned, Set<String> compiled) {
        List<Diagnostic> found = new ArrayList<>();
        Set<String> seen = new HashSet<>(compiled);
        for (Environment environment : environments.all()) {
            // By name first: each release's manifest is parsed once, however many run it.
            if (!seen.add(environment.release())) {
                continue;
            }
            var sealed = ProjectCompiler.sealedRelease(workspace, environment);
            if (sealed.isEmpty()) {
                continue;
            }
            ReleaseManifest release = sealed.get();
            List<PinnedStories.Pin> moved = ProjectCompiler.pinsOf(release).stream()
                    // A story main deleted has no edit to compare; leaving is a back-out.
                    .filter(pin -> PinDrift.of(workspace, contentIds, pin.story(), pin.tree()) == PinDrift.CHANGED)
                    .toList();
            if (moved.isEmpty()) {
                continue;
            }
            Result<Map<StoryId, Story>> stories = pinned.load(release.name(), moved);
            if (stories.ok()) {
                found.addAll(PinnedChangeEdits.check(release.name(), workspace.stories(), stories.get()));
            }
        }
        return found;
    }
}
