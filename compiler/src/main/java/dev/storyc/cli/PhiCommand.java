package dev.storyc.cli;

import picocli.CommandLine.Command;

/** {@code storyc phi}: protected health information, as the environments treat it. */
@Command(
        name = "phi",
        mixinStandardHelpOptions = true,
        description = "Protected health information: which columns are classified, how each"
                + " environment treats them, and what reads them (docs/phi.md).",
        subcommands = {PhiReportCommand.class})
final class PhiCommand extends CommandGroup {}
