package dev.storyc.cli;

import dev.storyc.diag.Result;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.workspace.PinnedStories;
import dev.storyc.workspace.SourceRepository;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc release show NAME}. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a release's stories in order, with their pins and requirements.")
final class ReleaseShowCommand implements Callable<Integer> {
    @ParentCommand
    ReleaseCommand release;

    @Parameters(paramLabel = "NAME", completionCandidates = NameCompletion.Releases.class, description = "The release, such as 2026-W48.")
    String name;

    @picocli.CommandLine.Mixin
    ListingFormatOption output;

    /**
     * Returns the release's stories as it compiles them: a pinned one from its pinned tree when main
     * no longer has it (main deleted it, yet the release still ships it), else from the working
     * tree. A pin that cannot be read leaves its story out, shown as `?`, and is reported as compile
     * reports it; so is the fetch of a shallow clone's history, which reading a pin may need.
     */
    private static Result<Map<StoryId, Story>> storiesOf(Project project, ReleaseManifest manifest) {
        Map<StoryId, Story> stories = new java.util.HashMap<>(project.workspace().stories());
        List<PinnedStories.Pin> deleted = manifest.stories().stream()
                .filter(entry -> !stories.containsKey(entry.story()) && manifest.pins().containsKey(entry.story()))
                .map(entry -> new PinnedStories.Pin(entry.story(), manifest.pins().get(entry.story()),
                        manifest.pinPositions().get(entry.story())))
                .toList();
        if (!deleted.isEmpty()) {
            try (var repository = SourceRepository.find(project.root()).orElse(null)) {
                Result<Map<StoryId, Story>> pinned =
                        PinnedStories.load(Optional.ofNullable(repository), deleted, manifest.name());
                pinned.value().ifPresent(stories::putAll);
                return Result.of(stories, pinned.diagnostics());
            }
        }
        return Result.of(stories, List.of());
    }

    @Override
    public Integer call() {
        Console console = output.console(release.root);
        Project project = release.root.openProject();
        ReleaseManifest manifest = ReleaseCommand.load(project, name, console);
        List<String> environments = ReleaseCommand.environmentsUsing(project, name);
        Result<Map<StoryId, Story>> read = storiesOf(project, manifest);
        console.diagnostics(read.diagnostics(), project.workspace().allSources());
        Map<StoryId, Story> stories = read.get();
        // Listed all the same, with `?` for what a pin could not give: the listing is what the
        // release says; a pin that cannot be read is an error of the release, as in compile.
        int exit = read.ok() ? ExitCode.OK : ExitCode.PROJECT_ERRORS;
        if (output.json()) {
            console.out().print(dev.storyc.site.Listings.release(manifest, environments,
                    id -> Optional.ofNullable(stories.get(id))));
            return exit;
        }
        console.out().printf("release %s  %s  used by %s%n", name, manifest.isSealed() ? "sealed" : "not sealed",
                environments.isEmpty() ? "no environment" : String.join(", ", environments));
        for (ReleaseManifest.Entry entry : manifest.stories()) {
            String requires = Optional.ofNullable(stories.get(entry.story()))
                    .map(s -> s.manifest().requiredIds().stream().map(StoryId::value).collect(Collectors.joining(",")))
                    .orElse("?");
            console.out().printf("  %-22s %-12s requires %s%n", entry.story(),
                    Optional.ofNullable(manifest.pins().get(entry.story())).map(p -> p.substring(0, 12))
                            .orElse("unpinned"),
                    requires.isEmpty() ? "-" : requires);
        }
        return exit;
    }
}
