package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.release.PromotionEditor;
import dev.storyc.release.ReleaseManifest;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc release promote NAME --to ENV}. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Point an environment at a release by editing its `release` line in environments.toml.",
                "Only that line changes. A protected environment takes only sealed releases"
                        + " (or an empty one)."})
final class ReleasePromoteCommand implements Callable<Integer> {
    @ParentCommand
    ReleaseCommand release;

    @Parameters(paramLabel = "NAME", completionCandidates = NameCompletion.Releases.class, description = "The release.")
    String name;

    @Option(names = "--to", required = true, paramLabel = "ENV", completionCandidates = NameCompletion.Environments.class, description = "The environment to point at it.")
    String environment;

    @Override
    public Integer call() {
        Console console = release.root.console();
        Project project = release.root.openProject();
        ReleaseManifest manifest = ReleaseCommand.load(project, name, console);
        if (!dev.storyc.release.ReleaseNames.isValid(name)) {
            // environments.toml would refuse the name on every later load: nothing is written.
            console.failure("`" + name + "` is not a name an environment can use, so nothing was changed",
                    "rename releases/" + name + ".toml to " + dev.storyc.release.ReleaseNames.RULE
                            + ", such as 2026-W49-hotfix");
            return ExitCode.USAGE;
        }
        Environment target = EnvCommand.find(project, environment, console);
        // An empty release ships nothing, so, as in compiles, it needs no seal (nor can it have one).
        if (target.isProtected() && !manifest.isSealed() && !manifest.stories().isEmpty()) {
            console.failure("`" + environment + "` is protected and release `" + name + "` is not sealed; nothing"
                    + " was changed", "seal it first: storyc release seal " + name);
            return ExitCode.PROJECT_ERRORS;
        }
        // The release is checked as an environment running it would check it: pointing one at a
        // release that lists a story with no folder would break that environment's next compile.
        var problems = dev.storyc.compile.DraftReleases.check(project.workspace(), name);
        if (problems.stream().anyMatch(dev.storyc.diag.Diagnostic::isError)) {
            console.diagnostics(problems, project.workspace().allSources());
            console.failure("release `" + name + "` has errors, so `" + environment + "` was not pointed at it;"
                    + " nothing was changed", "fix the release first; `storyc check --all` checks every release");
            return ExitCode.PROJECT_ERRORS;
        }
        String text = project.workspace().environments().orElseThrow().text();
        Optional<String> edited = PromotionEditor.promote(text, environment, name);
        if (edited.isEmpty()) {
            console.failure("`" + environment + "` has no [environments." + environment + "] table to edit",
                    "environments made from a template follow the template's release; edit environments.toml");
            return ExitCode.PROJECT_ERRORS;
        }
        if (!edited.get().equals(text)) {
            WorkspaceFiles.replace(project.root().resolve("environments.toml"), text, edited.get(), console);
        }
        console.result(environment + " now uses release " + name + (target.release().equals(name) ? " (unchanged)"
                : " (was " + target.release() + ")"));
        return ExitCode.OK;
    }
}
