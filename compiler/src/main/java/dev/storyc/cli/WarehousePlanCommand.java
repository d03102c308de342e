package dev.storyc.cli;

import dev.storyc.db.Applier;
import dev.storyc.db.DatabaseException;
import dev.storyc.warehouse.ApplyPlan;
import dev.storyc.warehouse.Planner;
import dev.storyc.warehouse.RegistryState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code storyc warehouse plan}: what apply would do, touching nothing. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Show what `storyc warehouse apply` would do: reverts of changes the output no longer"
                + " holds, deploys of new changes in plan order, reworks (with the later changes"
                + " of the story they revert and deploy again), and refusals. Reads the"
                + " registry; changes nothing."
        })
final class WarehousePlanCommand implements Callable<Integer> {
    @ParentCommand WarehouseCommand warehouse;

    @Mixin WarehouseOptions options;

    @Option(
            names = "--rework",
            description = "Plan with --rework, as apply would in a development environment.")
    boolean rework;

    @Option(
            names = "--log-only",
            description = "Plan with --log-only, as apply would: new changes recorded, not run.")
    boolean logOnly;

    @Override
    public Integer call() {
        Console console = options.console(warehouse.root);
        if (rework && logOnly) {
            return WarehouseApplyCommand.bothModes(console);
        }
        WarehouseSession session = WarehouseSession.open(warehouse.root, options, console);
        try (Applier applier = session.connect(console)) {
            RegistryState state = applier.readRegistry();
            ApplyPlan plan =
                    Planner.plan(
                            session.plan,
                            state,
                            new Planner.Options(session.isDevelopment(), rework, logOnly));
            return show(console, session, plan, options);
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
    }

    /** Prints a plan, text or JSON; exit 1 when it refuses a change. */
    static int show(
            Console console, WarehouseSession session, ApplyPlan plan, WarehouseOptions options) {
        if (options.json()) {
            WarehouseReports.print(console.out(), WarehouseReports.planJson(session, plan));
        } else {
            WarehouseReports.planText(console.out(), session, plan);
        }
        console.diagnostics(plan.refusals(), WarehouseSession.sources(session.snapshot));
        return plan.refusals().isEmpty() ? ExitCode.OK : ExitCode.PROJECT_ERRORS;
    }
}
