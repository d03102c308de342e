package dev.storyc.cli;

import dev.storyc.db.Applier;
import dev.storyc.db.DatabaseException;
import dev.storyc.warehouse.ChangeStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code storyc warehouse status}: each change of the plan and the registry, and where it stands.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show each change: deployed (when, by whom, from which output commit), pending, edited"
                + " since it was deployed, pending revert (backed out), or drift (in the registry,"
                + " unknown to the plan). Reads the registry in one query; changes nothing."
        })
final class WarehouseStatusCommand implements Callable<Integer> {
    @ParentCommand WarehouseCommand warehouse;

    @Mixin WarehouseOptions options;

    @Override
    public Integer call() {
        Console console = options.console(warehouse.root);
        WarehouseSession session = WarehouseSession.open(warehouse.root, options, console);
        try (Applier applier = session.connect(console)) {
            List<ChangeStatus> rows = ChangeStatus.of(session.plan, applier.readRegistry());
            if (options.json()) {
                WarehouseReports.print(console.out(), WarehouseReports.statusJson(session, rows));
            } else {
                WarehouseReports.statusText(console.out(), session, rows);
            }
            return ExitCode.OK;
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
    }
}
