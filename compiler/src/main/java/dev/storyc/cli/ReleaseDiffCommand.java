package dev.storyc.cli;

import dev.storyc.diag.Diagnostics;
import dev.storyc.release.ReleaseDiff;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.workspace.SourceRepository;
import dev.storyc.workspace.StoryId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc release diff A B}. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changes from release A to release B.",
                "Stories in and out, and for stories in both, the files that differ between their pins"
                + " (or the working tree, for an unsealed release)."})
final class ReleaseDiffCommand implements Callable<Integer> {
    @ParentCommand
    ReleaseCommand release;

    @Parameters(index = "0", paramLabel = "A", completionCandidates = NameCompletion.Releases.class, description = "The older release.")
    String from;

    @Parameters(index = "1", paramLabel = "B", completionCandidates = NameCompletion.Releases.class, description = "The newer release.")
    String to;

    @picocli.CommandLine.Mixin
    ListingFormatOption output;

    @Override
    public Integer call() {
        Console console = output.console(release.root);
        Project project = release.root.openProject();
        ReleaseManifest a = ReleaseCommand.load(project, from, console);
        ReleaseManifest b = ReleaseCommand.load(project, to, console);
        Optional<SourceRepository> repository = SourceRepository.find(project.root());
        try {
            ReleaseDiff diff = ReleaseDiff.between(a, b, (manifest, id) -> storyFiles(project, repository, manifest, id));
            if (output.json()) {
                console.out().print(dev.storyc.site.Listings.releaseDiff(from, to, diff));
                return ExitCode.OK;
            }
            console.out().printf("release %s -> %s%n", from, to);
            diff.added().forEach(id -> console.out().println("  + " + id));
            diff.removed().forEach(id -> console.out().println("  - " + id));
            diff.changed().forEach((id, changes) -> {
                console.out().println("  ~ " + id);
                changes.forEach(c -> console.out().println("      " + c.kind() + " " + c.path()));
            });
            if (diff.added().isEmpty() && diff.removed().isEmpty() && diff.changed().isEmpty()) {
                console.out().println("  (no difference)");
            }
        } finally {
            repository.ifPresent(SourceRepository::close);
        }
        return ExitCode.OK;
    }

    /**
     * Returns a story's files in a release: its pinned tree if sealed, else the working tree. The
     * site's release pages read stories the same way.
     */
    static Map<String, String> storyFiles(Project project, Optional<SourceRepository> repository,
            ReleaseManifest manifest, StoryId id) {
        Map<String, String> files = new java.util.TreeMap<>();
        String pin = manifest.pins().get(id);
        if (pin != null && repository.isPresent()) {
            repository.get().filesAt(pin, "stories/" + id, new Diagnostics())
                    .ifPresent(list -> list.forEach(f -> files.put(f.path(), f.text())));
            return files;
        }
        project.workspace().story(id).ifPresent(story -> {
            files.put(story.manifestSource().path(), story.manifestSource().text());
            story.files().forEach(f -> files.put(f.source().path(), f.source().text()));
            story.classification().ifPresent(f -> files.put(f.path(), f.text()));
        });
        return files;
    }
}
