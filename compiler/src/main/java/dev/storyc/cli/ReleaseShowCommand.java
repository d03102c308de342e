package dev.storyc.cli;

import dev.storyc.release.ReleaseManifest;
import dev.storyc.workspace.StoryId;
import java.util.List;
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

    @Override
    public Integer call() {
        Console console = output.console(release.root);
        Project project = release.root.openProject();
        ReleaseManifest manifest = ReleaseCommand.load(project, name, console);
        List<String> environments = ReleaseCommand.environmentsUsing(project, name);
        if (output.json()) {
            console.out().print(
                    dev.storyc.site.Listings.release(manifest, environments, project.workspace()));
            return ExitCode.OK;
        }
        console.out().printf("release %s  %s  used by %s%n", name, manifest.isSealed() ? "sealed" : "not sealed",
                environments.isEmpty() ? "no environment" : String.join(", ", environments));
        for (ReleaseManifest.Entry entry : manifest.stories()) {
            String requires = project.workspace().story(entry.story())
                    .map(s -> s.manifest().requiredIds().stream().map(StoryId::value).collect(Collectors.joining(",")))
                    .orElse("?");
            console.out().printf("  %-22s %-12s requires %s%n", entry.story(),
                    Optional.ofNullable(manifest.pins().get(entry.story())).map(p -> p.substring(0, 12))
                            .orElse("unpinned"),
                    requires.isEmpty() ? "-" : requires);
        }
        return ExitCode.OK;
    }
}
