package dev.storyc.cli;

import picocli.CommandLine.Command;

/** {@code storyc warehouse}: bring an environment's database to its compiled output. */
@Command(
        name = "warehouse",
        mixinStandardHelpOptions = true,
        description = {
            "Deploy, back out and inspect the schema changes of an environment's output repository"
                    + " on the environment's own database (warehouse.* in environments.toml).",
            "The scripts come from the output commit (out/ENV at HEAD, or --commit), never the"
                + " working tree; the database's storyc registry records what ran. See"
                + " docs/warehouse.md."
        },
        subcommands = {
            WarehousePlanCommand.class,
            WarehouseApplyCommand.class,
            WarehouseStatusCommand.class,
            WarehouseVerifyCommand.class,
            WarehouseLogCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   done, or nothing to do",
            "  1   a refused or failing change (diagnostics printed at the script's line)",
            "  2   command-line usage",
            "  3   the database or the output repository failed: unreachable, password",
            "      refused, lock held, registry damaged or from a newer storyc, environment",
            "      never compiled, unknown output commit"
        })
final class WarehouseCommand extends CommandGroup {}
