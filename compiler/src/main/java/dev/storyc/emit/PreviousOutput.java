package dev.storyc.emit;

import java.util.Optional;
import java.util.function.Function;

/**
 * What an output repository held before this compile: its lock and a way to read its files. Only
 * back-out needs it, to keep the revert scripts of stories that leave.
 */
public record PreviousOutput(Optional<LockFile> lock, Function<String, Optional<String>> file) {
    /** The state of a repository that has no commit yet. */
    public static PreviousOutput none() {
        return new PreviousOutput(Optional.empty(), path -> Optional.empty());
    }
}
