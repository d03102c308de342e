package dev.storyc.config;

import java.util.Optional;

/**
 * Where an environment's output repository lives: a folder, a branch and, optionally, a remote;
 * and whether it keeps a working tree ({@code output.working_tree}, true unless set false), which
 * CI and push-only environments can skip because nobody reads its files.
 */
public record OutputSettings(
        Optional<String> path, Optional<String> remote, String branch, boolean workingTree) {
    /** Settings with a working tree, the default. */
    public OutputSettings(Optional<String> path, Optional<String> remote, String branch) {
        this(path, remote, branch, true);
    }
}
