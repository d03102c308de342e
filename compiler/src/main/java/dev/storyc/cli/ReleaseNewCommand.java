package dev.storyc.cli;

import dev.storyc.release.ManifestEditor;
import dev.storyc.release.ReleaseNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc release new NAME [--from PREV]} or {@code storyc release new --week}. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Create a release manifest, empty or copied (unsealed) from another release.",
                "With --week, name it after the ISO week following the newest YYYY-Www release."})
final class ReleaseNewCommand implements Callable<Integer> {
    @ParentCommand
    ReleaseCommand release;

    static final class Naming {
        @Parameters(paramLabel = "NAME", description = "The new release's name, such as 2026-W49.")
        String name;

        @Option(names = "--week", description = "Name it after the week following the newest weekly release.")
        boolean week;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Naming naming;

    @Option(names = "--from", paramLabel = "RELEASE", completionCandidates = NameCompletion.Releases.class,
            description = "Copy this release's stories. With --week, defaults to the newest weekly release.")
    String from;

    @Override
    public Integer call() {
        Console console = release.root.console();
        Project project = release.root.openProject();
        var existing = project.workspace().releases().keySet();
        String name = naming.week
                ? ReleaseNames.nextWeek(existing).orElseThrow(() -> usage(console,
                        "there is no YYYY-Www release to follow", "name the release: storyc release new 2026-W49"))
                : naming.name;
        String base = from != null ? from : naming.week ? ReleaseNames.newestWeek(existing).orElse(null) : null;
        if (!ReleaseNames.isValid(name)) {
            throw usage(console, "`" + name + "` is not a valid release name",
                    "use " + ReleaseNames.RULE + ", such as 2026-W49");
        }
        Path file = ReleaseCommand.fileOf(project, name);
        if (existing.contains(name) || Files.exists(file)) {
            throw usage(console, "release `" + name + "` already exists", "edit it with release add and release drop");
        }
        String text;
        if (base == null) {
            text = "# Release " + name + ".\nstories = [\n]\n";
        } else {
            ReleaseCommand.load(project, base, console);
            String copy = "";
            try {
                copy = ManifestEditor.of(project.workspace().releases().get(base).text()).unsealed();
            } catch (dev.storyc.release.ManifestLayoutException e) {
                ReleaseCommand.refuseLayout(project, base, e, console);
            }
            text = ManifestEditor.of(copy).withHeader("Release " + name + ", started from " + base + ".");
        }
        WorkspaceFiles.write(file, text, console);
        console.result("created releases/" + name + ".toml" + (base == null ? "" : " from " + base));
        return ExitCode.OK;
    }

    private static CommandFailure usage(Console console, String message, String hint) {
        console.failure(message, hint);
        return new CommandFailure(ExitCode.USAGE);
    }
}
