package dev.storyc.cli;

import dev.storyc.db.Applier;
import dev.storyc.db.DatabaseException;
import dev.storyc.db.Registry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code storyc warehouse log}: the registry's append-only event log. */
@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description = {
            "Print the registry's event log, oldest first: every deploy, revert, rework and"
                + " failure, with who, when and from which output commit."
        })
final class WarehouseLogCommand implements Callable<Integer> {
    @ParentCommand WarehouseCommand warehouse;

    @Mixin WarehouseOptions options;

    @Option(
            names = {"-n", "--limit"},
            paramLabel = "N",
            description = "Only the last N events, N at least 1. Default: all.")
    Integer limit;

    @Override
    public Integer call() {
        Console console = options.console(warehouse.root);
        if (limit != null && limit < 1) {
            // 0 once meant "all", so -n 0 and -n -1 printed the whole log.
            console.failure("--limit must be at least 1, not " + limit, "leave -n out for the whole log");
            return ExitCode.USAGE;
        }
        WarehouseSession session = WarehouseSession.open(warehouse.root, options, console);
        try (Applier applier = session.connect(console)) {
            List<Registry.Event> events = applier.registry().events(limit == null ? 0 : limit);
            if (options.json()) {
                WarehouseReports.print(console.out(), WarehouseReports.logJson(session, events));
            } else {
                WarehouseReports.logText(console.out(), events);
            }
            return ExitCode.OK;
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
    }
}
