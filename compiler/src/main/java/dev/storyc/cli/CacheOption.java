package dev.storyc.cli;

import picocli.CommandLine.Option;

/** The {@code --no-cache} option of the commands that compile: check, compile and ci. */
final class CacheOption {
    @Option(
            names = "--no-cache",
            description =
                    "Compile and check every environment and parse every file, even what matches"
                            + " an earlier clean run in .storyc/cache; the cache is still updated.")
    boolean noCache;
}
