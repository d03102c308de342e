package dev.storyc.cli;

import dev.storyc.db.Applier;
import dev.storyc.db.DatabaseException;
import dev.storyc.diag.Diagnostic;
import dev.storyc.warehouse.OutputPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code storyc warehouse verify}: run the verify scripts of the deployed changes. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Run the verify script of every planned change that is deployed with the planned text,"
                + " each in a transaction that is rolled back, and report those that fail at their"
                + " line."
        })
final class WarehouseVerifyCommand implements Callable<Integer> {
    @ParentCommand WarehouseCommand warehouse;

    @Mixin WarehouseOptions options;

    @Override
    public Integer call() {
        Console console = options.console(warehouse.root);
        WarehouseSession session = WarehouseSession.open(warehouse.root, options, console);
        try (Applier applier = session.connect(console)) {
            List<Diagnostic> failures = applier.verify(session.plan, applier.readRegistry());
            if (options.json()) {
                var root = WarehouseReports.header(session);
                root.set("diagnostics", WarehouseReports.diagnostics(failures));
                WarehouseReports.print(console.out(), root);
            }
            console.diagnostics(failures, WarehouseSession.sources(session.snapshot));
            if (!options.json()) {
                console.result(
                        session.environment.name()
                                + " at output "
                                + OutputPlan.shortId(session.plan.commit())
                                + ": "
                                + failures.size()
                                + " verify scripts failed");
            }
            return failures.isEmpty() ? ExitCode.OK : ExitCode.PROJECT_ERRORS;
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
    }
}
