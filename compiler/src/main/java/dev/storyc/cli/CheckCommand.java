package dev.storyc.cli;

import dev.storyc.cache.CacheStore;
import dev.storyc.cache.CleanRun;
import dev.storyc.compile.ProjectCompiler;
import dev.storyc.config.Environment;
import dev.storyc.diag.Result;
import dev.storyc.publish.GitContentIds;
import dev.storyc.release.Selection;
import dev.storyc.workspace.StoryStamps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code storyc check}: compiles in memory and reports problems; writes nothing. A check that found
 * nothing is remembered, as a compile is ({@link NoOpShortcut}), so a pre-commit hook or an editor
 * that checks again with nothing changed takes a stat per input file and loads nothing.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check environments for errors without writing anything.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Mixin
    EnvironmentOptions environments;

    @Mixin
    FormatOption output;

    @Mixin
    CacheOption cache;

    @Override
    public Integer call() {
        Console console = root.console(output.format);
        CacheStore store =
                WorkspaceCache.of(root.projectRoot(), root.settings(), root.processLookup());
        NoOpShortcut shortcut = new NoOpShortcut(store, root.projectRoot(), root.processReads(),
                shortcutOptions(), CheckCommand::replay);
        if (shortcut.answers(console, cache.noCache, () -> root.requireVersion(console))) {
            return ExitCode.OK;
        }
        RememberedManifests manifests =
                RememberedManifests.read(store, root.projectRoot(), !cache.noCache);
        StoryStamps stamps = StoryStamps.begin();
        Project project = root.openProject(console, stamps, manifests);
        var selected = environments.select(project, root.settings(), console);
        var folders = OutputFolders.approve(project, root.settings(), null, selected, console);
        CachedReuse reuse = CachedReuse.checking(store, !cache.noCache, environment -> true);
        var compiled = Compilation.run(project, selected, root.processLookup(), console, 1, reuse,
                reuse.storyIds(project, new GitContentIds()));
        folders.require();
        reuse.rememberChecked(compiled);
        reuse.commit();
        manifests.commit();
        Reports.checked(console, selected, compiled);
        // ci.live is read by ci alone, after compiling and pushing; a name there ci would refuse is
        // a mistake of the workspace's settings, which check finds first (round 18).
        Result<List<Environment>> live = LiveStage.select(project, root.settings().ciLive(),
                LiveStage.sourceOf(root, false));
        if (!live.ok()) {
            console.diagnostics(live.diagnostics(), root.settingsSources());
            return live.diagnostics().stream().allMatch(d -> d.position().hasLine())
                    ? ExitCode.PROJECT_ERRORS : ExitCode.USAGE;
        }
        // A run that read a file as git would commit it depends on HEAD and core.autocrlf too,
        // which stamps do not see: it is never replayed.
        if (console.reportedNothing() && !console.verbose() && !stamps.readAnyThroughGit()) {
            shortcut.remember(left(selected, folders, compiled),
                    List.copyOf(project.workspace().environmentImports().keySet()), reuse.salt());
        }
        return ExitCode.OK;
    }

    /** Returns what the shortcut's key holds besides the workspace and the build. */
    private String shortcutOptions() {
        return String.join("\n", "check",
                "all " + environments.all, "env " + environments.names,
                "settings " + NoOpShortcut.settingsText(root.settings()));
    }

    /** Prints what the full path prints when every environment checks clean. */
    private static void replay(Console console, List<CleanRun.Output> outputs) {
        for (CleanRun.Output output : outputs) {
            console.result(Reports.checkedLine(output.environment(), output.release(),
                    output.stories()));
        }
    }

    /** Returns every selected environment as this check found it, in the order selected. */
    private static List<NoOpShortcut.Left> left(List<Environment> selected,
            OutputFolders.Approval folders, ProjectCompiler.Compiled compiled) {
        Map<String, Selection> selections = compiled.selections();
        return selected.stream()
                .map(environment -> new NoOpShortcut.Left(environment,
                        folders.folder(environment), folders.anchor(), false,
                        selections.get(environment.name()), Optional.empty()))
                .toList();
    }
}
