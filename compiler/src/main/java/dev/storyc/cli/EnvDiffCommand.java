package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentViews;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc env diff A B}: what differs between two environments, key by key. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two environments' normal forms key by key.",
                "`-` only in A, `+` only in B, `~` in both with different values. Exit 0 either way."})
final class EnvDiffCommand implements Callable<Integer> {
    @ParentCommand
    EnvCommand env;

    @Parameters(index = "0", paramLabel = "A", completionCandidates = NameCompletion.Environments.class, description = "The first environment.")
    String first;

    @Parameters(index = "1", paramLabel = "B", completionCandidates = NameCompletion.Environments.class, description = "The second environment.")
    String second;

    @Override
    public Integer call() {
        Console console = env.root.console();
        Project project = env.root.openProject();
        Environment a = EnvCommand.find(project, first, console);
        Environment b = EnvCommand.find(project, second, console);
        List<String> lines = EnvironmentViews.diff(a, b);
        console.out().println("--- " + a.name() + "  " + a.hash());
        console.out().println("+++ " + b.name() + "  " + b.hash());
        lines.forEach(console.out()::println);
        if (lines.isEmpty()) {
            console.out().println("(no differences but the name)");
        }
        return ExitCode.OK;
    }
}
