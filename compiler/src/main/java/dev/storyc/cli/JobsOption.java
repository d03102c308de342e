package dev.storyc.cli;

import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The {@code -j/--jobs} option of the commands that compile and write several environments at once
 * (compile and ci).
 *
 * <p>Two by default, not every processor: each job keeps its own compiler (templates, parsed files
 * of the last two environments), so at 5,000 stories x 12 environments one job peaks at 1.1 GB
 * and two at 1.65 GB, while a third core would save less than the second did.
 */
final class JobsOption {
    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Environments worked on at once (compiled, written and, by ci, pushed);"
                    + " the output is the same for any number, and each job holds its own caches."
                    + " Default: 2, or 1 on one processor.")
    Integer jobs;

    /**
     * Returns how many environments to run at once, or empty after printing a usage error for a
     * number below 1.
     */
    OptionalInt parallelism(Console console) {
        int parallelism = jobs == null
                ? Math.min(2, Runtime.getRuntime().availableProcessors()) : jobs;
        if (parallelism < 1) {
            console.failure("--jobs must be at least 1, not " + parallelism,
                    "leave -j out for the default: 2, or 1 on one processor");
            return OptionalInt.empty();
        }
        return OptionalInt.of(parallelism);
    }
}
