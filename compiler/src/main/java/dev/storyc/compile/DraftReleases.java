package dev.storyc.compile;

import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostic;
import dev.storyc.release.StorySelector;
import dev.storyc.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The release manifests no environment of this compile runs, such as next week's while it is being
 * filled, or acceptance's in a developer's pre-commit check: checked as an environment running them
 * would check them, so that a broken one fails the pre-commit check and CI before anyone promotes
 * it, and a typo in the release acceptance runs fails the developer's check too, not only CI's
 * {@code check --all}. Only a compile that takes every story (a developer's, integration's) checks
 * them: an emergency compile of production is not stopped by a draft.
 */
public final class DraftReleases {
    private DraftReleases() {}

    /**
     * Returns the problems of one release as an environment running it would find them: what
     * {@code release promote} asks before it points an environment at the release.
     */
    public static List<Diagnostic> check(Workspace workspace, String release) {
        return StorySelector.checkUnrun(release, workspace.releases().get(release), workspace);
    }

    /** Returns the problems of every manifest none of {@code selected} runs (those report their own). */
    static List<Diagnostic> check(Workspace workspace, List<Environment> selected) {
        Set<String> run = selected.stream().map(Environment::release).collect(Collectors.toSet());
        List<Diagnostic> found = new ArrayList<>();
        workspace.releases().forEach((name, source) -> {
            if (!run.contains(name)) {
                found.addAll(StorySelector.checkUnrun(name, source, workspace));
            }
        });
        return found;
    }
}
