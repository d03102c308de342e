package dev.storyc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc env hash E}: the sha256 of an environment's normal form, as lock files record it. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = "Print an environment's identity: the sha256 of its normal form, as storyc.lock records it.")
final class EnvHashCommand implements Callable<Integer> {
    @ParentCommand
    EnvCommand env;

    @Parameters(paramLabel = "ENV", completionCandidates = NameCompletion.Environments.class, description = "The environment.")
    String name;

    @Override
    public Integer call() {
        Console console = env.root.console();
        Project project = env.root.openProject();
        console.out().println(EnvCommand.find(project, name, console).hash());
        return ExitCode.OK;
    }
}
