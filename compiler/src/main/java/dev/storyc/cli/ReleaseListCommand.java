package dev.storyc.cli;

import dev.storyc.release.ReleaseManifest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code storyc release list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List releases: how many stories, sealed or not, and the environments that use each.")
final class ReleaseListCommand implements Callable<Integer> {
    @ParentCommand
    ReleaseCommand release;

    @picocli.CommandLine.Mixin
    ListingFormatOption output;

    @Override
    public Integer call() {
        Console console = output.console(release.root);
        Project project = release.root.openProject();
        if (output.json()) {
            console.out().print(dev.storyc.site.Listings.releases(project.workspace().releases().keySet()
                    .stream().map(name -> ReleaseCommand.load(project, name, console)).toList(),
                    name -> ReleaseCommand.environmentsUsing(project, name)));
            return ExitCode.OK;
        }
        console.out().printf("%-14s %-8s %-9s %s%n", "RELEASE", "STORIES", "SEALED", "ENVIRONMENTS");
        for (String name : project.workspace().releases().keySet()) {
            ReleaseManifest manifest = ReleaseCommand.load(project, name, console);
            List<String> environments = ReleaseCommand.environmentsUsing(project, name);
            console.out().printf("%-14s %-8d %-9s %s%n", name, manifest.stories().size(),
                    manifest.isSealed() ? "yes" : "no", environments.isEmpty() ? "-" : String.join(", ", environments));
        }
        return ExitCode.OK;
    }
}
