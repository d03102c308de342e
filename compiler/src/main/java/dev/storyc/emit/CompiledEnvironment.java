package dev.storyc.emit;

import dev.storyc.config.Environment;
import dev.storyc.release.Selection;

/** Everything a compile produced for one environment, ready to publish. */
public record CompiledEnvironment(Environment environment, Selection selection, OutputTree tree, LockFile lock) {}
