package dev.storyc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands, such as {@code storyc env}: run alone, it prints its
 * usage and exits 2. Its subcommands reach the global options through {@link #root}.
 */
abstract class CommandGroup implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
