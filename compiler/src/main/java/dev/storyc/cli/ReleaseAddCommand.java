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

/** {@code storyc release add NAME ID...}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add stories to a release, one line each, after the last one.")
final class ReleaseAddCommand implements Callable<Integer> {
    @ParentCommand
    ReleaseCommand release;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = NameCompletion.Releases.class, description = "The release.")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", completionCandidates = NameCompletion.Stories.class, description = "Story ids to add.")
    List<String> stories;

    @Override
    public Integer call() {
        Console console = release.root.console();
        Project project = release.root.openProject();
        ReleaseManifest manifest = ReleaseCommand.load(project, name, console);
        List<StoryId> added = ReleaseCommand.ids(stories, console).stream()
                .filter(id -> manifest.positionOf(id).isEmpty()).toList();
        ReleaseCommand.edit(project, name, added, ReleaseRules.checkAdd(manifest, added, project.workspace()),
                (editor, id) -> editor.add(id), console);
        console.result(added.isEmpty() ? "nothing to add: release " + name + " already lists them"
                : "added to " + name + ": " + added.stream().map(StoryId::value).collect(Collectors.joining(", "))
                        + (manifest.isSealed() ? " (unpinned until you seal " + name + " again)" : ""));
        return ExitCode.OK;
    }
}
