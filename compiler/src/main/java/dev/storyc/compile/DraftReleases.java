package dev.storyc.compile;

import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.diag.Diagnostic;
import dev.storyc.release.StorySelector;
import dev.storyc.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The release manifests no environment runs yet, such as next week's while it is being filled:
 * checked as an environment running them would check them, so that a broken one fails the
 * pre-commit check and CI before anyone promotes it, rather than the promote. Only a compile that
 * takes every story (a developer's, integration's) checks them: an emergency compile of production
 * is not stopped by a draft.
 */
final class DraftReleases {
    private DraftReleases() {}

    static List<Diagnostic> check(Workspace workspace, Environments environments) {
        Set<String> run = environments.all().stream().map(Environment::release).collect(Collectors.toSet());
        List<Diagnostic> found = new ArrayList<>();
        workspace.releases().forEach((name, source) -> {
            if (!run.contains(name)) {
                found.addAll(StorySelector.checkUnrun(name, source, workspace));
            }
        });
        return found;
    }
}
