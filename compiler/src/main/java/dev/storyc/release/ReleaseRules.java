package dev.storyc.release;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Position;
import dev.storyc.diag.Spelling;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.StoryManifest;
import dev.storyc.workspace.Workspace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a release edit must respect before anything is written: stories exist, and every story
 * left in a release still has the stories it requires.
 */
public final class ReleaseRules {
    private ReleaseRules() {}

    /** Returns problems with adding {@code added} to a release that lists {@code listed}. */
    public static List<Diagnostic> checkAdd(ReleaseManifest release, Collection<StoryId> added, Workspace workspace) {
        List<Diagnostic> problems = new ArrayList<>();
        Set<StoryId> after = new LinkedHashSet<>(release.stories().stream().map(ReleaseManifest.Entry::story).toList());
        after.addAll(added);
        for (StoryId id : added) {
            if (workspace.story(id).isEmpty()) {
                problems.add(Diagnostic.error(Code.RELEASE_UNKNOWN_STORY, Position.ofFile("stories/" + id),
                                "story `" + id + "` does not exist")
                        .withHint(Spelling.didYouMean(id.value(),
                                workspace.storyNames())
                                .orElse("`storyc story list` shows the stories")));
                continue;
            }
            for (StoryManifest.Requirement requirement : workspace.story(id).get().manifest().requires()) {
                if (!after.contains(requirement.story())) {
                    problems.add(Diagnostic.error(Code.REQUIRED_STORY_NOT_INCLUDED, requirement.position(),
                                    "story `" + id + "` requires `" + requirement.story() + "`, which release `"
                                            + release.name() + "` does not include")
                            .withHint("add both: storyc release add " + release.name() + " " + requirement.story()
                                    + " " + id));
                }
            }
        }
        return problems;
    }

    /** Returns problems with dropping {@code dropped}: a remaining story that requires one of them. */
    public static List<Diagnostic> checkDrop(ReleaseManifest release, Collection<StoryId> dropped, Workspace workspace) {
        List<Diagnostic> problems = new ArrayList<>();
        for (StoryId id : dropped) {
            if (release.positionOf(id).isEmpty()) {
                List<String> listed = release.stories().stream().map(e -> e.story().value()).toList();
                problems.add(Diagnostic.error(Code.RELEASE_UNKNOWN_STORY, Position.ofFile(release.path()),
                                "release `" + release.name() + "` does not list `" + id + "`")
                        .withHint(listed.isEmpty() ? "it lists no stories, so there is nothing to drop"
                                : Spelling.didYouMean(id.value(), listed).map(s -> s + " ").orElse("")
                                        + "it lists " + String.join(", ", listed)));
            }
        }
        // The hint names every story that must go with them, however indirectly it needs them:
        // naming only the first dependant would suggest a command that is refused in turn.
        java.util.Set<StoryId> together = new java.util.LinkedHashSet<>(dropped);
        for (boolean grew = true; grew; ) {
            grew = false;
            for (ReleaseManifest.Entry entry : release.stories()) {
                if (!together.contains(entry.story()) && workspace.story(entry.story())
                        .map(s -> s.manifest().requires().stream().anyMatch(r -> together.contains(r.story())))
                        .orElse(false)) {
                    grew = together.add(entry.story());
                }
            }
        }
        String dropAll = "storyc release drop " + release.name() + " " + release.stories().stream()
                .map(ReleaseManifest.Entry::story).filter(together::contains).map(StoryId::toString)
                .collect(java.util.stream.Collectors.joining(" "));
        for (ReleaseManifest.Entry entry : release.stories()) {
            if (dropped.contains(entry.story())) {
                continue;
            }
            Story remaining = workspace.story(entry.story()).orElse(null);
            if (remaining == null) {
                continue;
            }
            for (StoryManifest.Requirement requirement : remaining.manifest().requires()) {
                if (dropped.contains(requirement.story())) {
                    problems.add(Diagnostic.error(Code.REQUIRED_STORY_NOT_INCLUDED, requirement.position(),
                                    "cannot drop `" + requirement.story() + "`: `" + entry.story()
                                            + "` requires it and stays in release `" + release.name() + "`")
                            .withRelated(release.positionOf(requirement.story()).orElse(Position.ofFile(release.path())),
                                    "`" + requirement.story() + "` is released here")
                            .withRelated(entry.position(), "`" + entry.story() + "` is released here")
                            .withHint("drop every story that needs it with it: " + dropAll));
                }
            }
        }
        return problems;
    }
}
