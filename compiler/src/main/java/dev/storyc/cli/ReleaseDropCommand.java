package dev.storyc.cli;

import dev.storyc.release.ReleaseManifest;
import dev.storyc.release.ReleaseRules;
import dev.storyc.workspace.StoryId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc release drop NAME ID...}. */
@Command(name = "drop", mixinStandardHelpOptions = true,
        description = {"Drop stories from a release, deleting their lines and pins.",
                "Refused when a story that stays requires one that goes."})
final class ReleaseDropCommand implements Callable<Integer> {
    @ParentCommand
    ReleaseCommand release;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = NameCompletion.Releases.class, description = "The release.")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", completionCandidates = NameCompletion.Stories.class, description = "Story ids to drop.")
    List<String> stories;

    @Override
    public Integer call() {
        Console console = release.root.console();
        Project project = release.root.openProject();
        ReleaseManifest manifest = ReleaseCommand.load(project, name, console);
        List<StoryId> dropped = ReleaseCommand.ids(stories, console);
        ReleaseCommand.edit(project, name, dropped, ReleaseRules.checkDrop(manifest, dropped, project.workspace()),
                (editor, id) -> editor.drop(id), console);
        console.result("dropped from " + name + ": " + dropped.stream().map(StoryId::value)
                .collect(Collectors.joining(", ")));
        return ExitCode.OK;
    }
}
