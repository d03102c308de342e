package dev.storyc.cli;

import dev.storyc.config.Environment;
import picocli.CommandLine.Option;

/**
 * The {@code --[no-]working-tree} option of the commands that write output repositories (compile
 * and ci): whether each repository keeps a working tree this run, over the environments'
 * {@code output.working_tree}.
 */
final class WorkingTreeOption {
    @Option(names = "--working-tree", negatable = true,
            description = "Keep each output repository's working tree, or with"
                    + " --no-working-tree keep the repositories bare (their .git folder only),"
                    + " which saves writing every file: for CI and push-only use. Switching either"
                    + " way loses nothing. Default: each environment's output.working_tree, else"
                    + " kept.")
    Boolean workingTree;

    /** Returns whether {@code environment}'s repository keeps a working tree in this run. */
    boolean keptFor(Environment environment) {
        return workingTree == null ? environment.output().workingTree() : workingTree;
    }
}
