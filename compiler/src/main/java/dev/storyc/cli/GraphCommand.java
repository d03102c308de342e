package dev.storyc.cli;

import dev.storyc.release.ReleaseManifest;
import dev.storyc.release.RequiresGraph;
import dev.storyc.workspace.Story;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code storyc graph}: the requires graph of a release, or of every story. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Print the requires graph of a release (or of every story) as Graphviz dot,"
                + " Mermaid or JSON (docs/site.md).",
                "A requirement missing from the release is drawn dashed.",
                "Example: storyc graph --release 2026-W48 | dot -Tsvg > w48.svg"})
final class GraphCommand implements Callable<Integer> {
    enum Format { dot, mermaid, json }

    @ParentCommand
    StorycCommand root;

    @Option(names = {"-r", "--release"}, paramLabel = "RELEASE", completionCandidates = NameCompletion.Releases.class, description = "Only this release's stories.")
    String release;

    @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.dot;

    @Override
    public Integer call() {
        Console console = root.console();
        if (format == Format.json) {
            console.owe(dev.storyc.diag.JsonRenderer::render);
        }
        Project project = root.openProject(console);
        List<Story> stories;
        String title;
        if (release == null) {
            stories = List.copyOf(project.workspace().stories().values());
            title = "all stories";
        } else {
            ReleaseManifest manifest = ReleaseCommand.load(project, release, console);
            stories = manifest.stories().stream().map(e -> project.workspace().story(e.story()))
                    .flatMap(java.util.Optional::stream).toList();
            title = "release " + release;
        }
        console.out().print(switch (format) {
            case dot -> RequiresGraph.dot(title, stories);
            case mermaid -> RequiresGraph.mermaid(stories);
            case json -> dev.storyc.site.Listings.graph(title, stories);
        });
        return ExitCode.OK;
    }
}
