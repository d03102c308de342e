package dev.storyc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code storyc check}: compiles in memory and reports problems; writes nothing. */
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
        Project project = root.openProject(console);
        var selected = environments.select(project, root.settings(), console);
        var folders = OutputFolders.approve(project, root.settings(), null, selected, console);
        CachedReuse reuse = CachedReuse.checking(
                WorkspaceCache.of(project.root(), root.settings(), root.processLookup()),
                !cache.noCache, environment -> true);
        var compiled = Compilation.run(project, selected, root.processLookup(), console, 1, reuse);
        folders.require();
        reuse.rememberChecked(compiled);
        reuse.commit();
        Reports.checked(console, selected, compiled);
        return ExitCode.OK;
    }
}
