package dev.storyc.cli;

import dev.storyc.compile.PinnedSources;
import dev.storyc.diag.Result;
import dev.storyc.workspace.PinnedStories;
import dev.storyc.workspace.SourceRepository;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads pinned stories from the git repository that holds the workspace. The repository is found
 * on the first sealed release only, so a project without one never opens git.
 */
final class GitPinnedSources implements PinnedSources, AutoCloseable {
    private final Path workspace;
    private Optional<SourceRepository> repository;

    GitPinnedSources(Path workspace) {
        this.workspace = workspace;
    }

    @Override
    public Result<Map<StoryId, Story>> load(String release, List<PinnedStories.Pin> pins) {
        if (repository == null) {
            repository = SourceRepository.find(workspace);
        }
        return PinnedStories.load(repository, pins, release);
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.ifPresent(SourceRepository::close);
        }
    }
}
