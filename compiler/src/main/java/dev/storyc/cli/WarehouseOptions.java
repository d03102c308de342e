package dev.storyc.cli;

import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * The options every {@code storyc warehouse} command shares: one environment and an output commit.
 */
final class WarehouseOptions {
    @Option(
            names = {"-e", "--env"},
            paramLabel = "ENV",
            completionCandidates = NameCompletion.Environments.class,
            description = "The environment whose database to work on. Default: dev-<developer>.")
    String environment;

    @Option(
            names = "--commit",
            paramLabel = "REV",
            description =
                    "The output commit to read the plan from: a commit id or a tag such as"
                        + " release/2026-W48. Default: the head of the environment's output"
                        + " branch.")
    String commit;

    /** How a warehouse command prints its result. */
    enum Format {
        text,
        json
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "text for people, or json: one document on stdout for scripts. Default:"
                        + " ${DEFAULT-VALUE}.")
    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }

    /**
     * Returns the command's console, owing the failure document with json from its first line: the
     * documented CI recipe uploads stdout as an artifact, and needs it most when the command failed,
     * however early (two modes that exclude each other, a bad --limit, a database unreachable).
     * Every warehouse command takes its console here, so none can forget.
     */
    Console console(StorycCommand root) {
        Console console = root.console();
        if (json()) {
            console.owe(dev.storyc.diag.JsonRenderer::render);
        }
        return console;
    }

    Optional<String> commit() {
        return Optional.ofNullable(commit).filter(c -> !c.isBlank());
    }
}
