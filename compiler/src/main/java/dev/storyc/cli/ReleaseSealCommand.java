package dev.storyc.cli;

import dev.storyc.diag.Plural;

import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.release.ManifestEditor;
import dev.storyc.release.ManifestLayoutException;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.release.SealRules;
import dev.storyc.config.Environment;
import dev.storyc.workspace.SourceRepository;
import dev.storyc.workspace.StoryId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc release seal NAME}. */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Pin every story of a release to its git tree at HEAD.",
                "From then on every environment on the release compiles those trees, not the working tree.",
                "Refused when the release is empty, when a story has uncommitted changes or is not committed,"
                        + " and when a protected environment runs the release and its pins would change"
                        + " (unless --force)."})
final class ReleaseSealCommand implements Callable<Integer> {
    @ParentCommand
    ReleaseCommand release;

    @Parameters(paramLabel = "NAME", completionCandidates = NameCompletion.Releases.class, description = "The release to seal.")
    String name;

    @Option(names = "--force",
            description = "Re-pin a release that a protected environment runs. For emergencies: the"
                    + " environment's next compile ships the new trees. Prints every pin it changes.")
    boolean force;

    @Override
    public Integer call() {
        Console console = release.root.console();
        Project project = release.root.openProject();
        ReleaseManifest manifest = ReleaseCommand.load(project, name, console);
        if (manifest.stories().isEmpty()) {
            console.diagnostics(SealRules.check(manifest, Map.of(), List.of(), force),
                    project.workspace().allSources());
            return ExitCode.PROJECT_ERRORS;
        }
        Optional<SourceRepository> found = SourceRepository.find(project.root());
        if (found.isEmpty()) {
            console.failure("cannot seal `" + name + "`: the workspace is not in a git repository",
                    "sealing pins each story to a git tree; commit the workspace to git first");
            return ExitCode.OPERATION_FAILED;
        }
        List<Diagnostic> problems = new ArrayList<>();
        Map<StoryId, String> pins = new LinkedHashMap<>();
        try (SourceRepository repository = found.get()) {
            for (ReleaseManifest.Entry entry : manifest.stories()) {
                String folder = "stories/" + entry.story();
                if (project.workspace().story(entry.story()).isEmpty()) {
                    problems.add(Diagnostic.error(Code.SEAL_REFUSED, entry.position(),
                            "cannot seal: `" + entry.story() + "` has no folder under stories/"));
                    continue;
                }
                SourceRepository.Unpinned unpinned = repository.unpinned(folder);
                if (!unpinned.uncommitted().isEmpty()) {
                    problems.add(Diagnostic.error(Code.SEAL_REFUSED, entry.position(),
                                    "cannot seal: `" + entry.story() + "` has uncommitted changes in "
                                            + firstFew(unpinned.uncommitted()))
                            .withHint("commit or stash them, so the pin is exactly what you tested"));
                    continue;
                }
                if (!unpinned.ignored().isEmpty()) {
                    problems.add(Diagnostic.error(Code.SEAL_REFUSED, entry.position(),
                                    "cannot seal: `" + entry.story() + "` holds files git ignores, which a"
                                            + " compile reads but a pin leaves out: " + firstFew(unpinned.ignored()))
                            .withHint("delete them, or stop ignoring them and commit them, so the pin is"
                                    + " exactly what you tested"));
                    continue;
                }
                Optional<String> tree = repository.treeAtHead(folder);
                if (tree.isEmpty()) {
                    problems.add(Diagnostic.error(Code.SEAL_REFUSED, entry.position(),
                                    "cannot seal: `" + entry.story() + "` is not committed")
                            .withHint("commit " + folder + " first"));
                    continue;
                }
                pins.put(entry.story(), tree.get());
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(SealRules.check(manifest, pins, environmentsOn(project), force));
        }
        if (!problems.isEmpty()) {
            console.diagnostics(problems, project.workspace().allSources());
            return ExitCode.PROJECT_ERRORS;
        }
        List<SealRules.PinChange> changes = SealRules.changes(manifest.pins(), pins);
        if (manifest.isSealed() && changes.isEmpty()) {
            console.result("sealed " + name + " already: its " + pins.size() + " pins are the trees at HEAD");
            return ExitCode.OK;
        }
        String read = project.workspace().releases().get(name).text();
        String text;
        try {
            text = ManifestEditor.of(read).seal(pins);
        } catch (ManifestLayoutException e) {
            ReleaseCommand.refuseLayout(project, name, e, console);
            return ExitCode.PROJECT_ERRORS;
        }
        WorkspaceFiles.replace(ReleaseCommand.fileOf(project, name), read, text, console);
        if (!manifest.isSealed()) {
            console.result("sealed " + name + ": " + Plural.of(pins.size(), "story")
                    + (pins.size() == 1 ? " pinned to its tree at HEAD" : " pinned to their trees at HEAD"));
            return ExitCode.OK;
        }
        List<String> running = environmentsOn(project).stream().filter(Environment::isProtected)
                .map(Environment::name).toList();
        console.result("sealed " + name + " again: " + changes.size() + " of " + pins.size() + " pins changed"
                + (running.isEmpty() ? "" : "; the next compile of " + String.join(", ", running)
                        + " ships them (--force)"));
        changes.forEach(change -> console.result("  " + change.describe()));
        return ExitCode.OK;
    }

    private List<Environment> environmentsOn(Project project) {
        return project.environments().all().stream().filter(e -> e.release().equals(name)).toList();
    }

    /** Returns up to three paths, then how many more there are. */
    private static String firstFew(List<String> paths) {
        return String.join(", ", paths.stream().limit(3).toList())
                + (paths.size() > 3 ? " and " + (paths.size() - 3) + " more" : "");
    }
}
