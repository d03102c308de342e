package dev.storyc.cli;

import picocli.CommandLine.Option;

/** The {@code --format} option of the commands that report diagnostics: check, compile and ci. */
final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "How to print diagnostics: ${COMPLETION-CANDIDATES}. json and sarif go to stdout,"
                    + " everything else to stderr. Default: ${DEFAULT-VALUE}.")
    DiagnosticFormat format = DiagnosticFormat.text;
}
