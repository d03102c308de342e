package dev.storyc.cli;

import dev.storyc.db.Applier;
import dev.storyc.db.DatabaseException;
import dev.storyc.diag.Plural;
import dev.storyc.diag.SourceFile;
import dev.storyc.warehouse.Action;
import dev.storyc.warehouse.ApplyPlan;
import dev.storyc.warehouse.DeployedChange;
import dev.storyc.warehouse.OutputPlan;
import dev.storyc.warehouse.Planner;
import dev.storyc.warehouse.RegistryState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code storyc warehouse apply}: bring the environment's database to its output commit. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Bring the environment's database to its output commit, under an advisory lock: create"
                + " warehouse.schema and the registry when missing, revert changes the output no"
                + " longer holds (stories that require others first), deploy new changes in plan"
                + " order and run their verify scripts. Each change commits with its registry row"
                + " in one transaction; the first failure stops the apply at the failing line,"
                + " leaving the database at the last good change.",
            "A change whose text was edited after it was deployed is refused, except in a"
                + " development environment with --rework.",
            "Adopting a database that hand-run migrations built: --log-only records the new"
                + " changes as deployed without running their deploy scripts, after checking that"
                + " every table they create exists and running their verify scripts."
        })
final class WarehouseApplyCommand implements Callable<Integer> {
    @ParentCommand WarehouseCommand warehouse;

    @Mixin WarehouseOptions options;

    @Option(
            names = "--dry-run",
            description = "Print the plan and touch nothing (as `storyc warehouse plan`).")
    boolean dryRun;

    @Option(
            names = "--rework",
            description =
                    "Development environments only: revert an edited change with its"
                            + " stored revert script, then deploy the new text. The story's later"
                            + " changes that are deployed are reverted first and deployed again"
                            + " after.")
    boolean rework;

    @Option(
            names = "--log-only",
            description =
                    "Record new changes as deployed without running their deploy scripts, for"
                            + " tables that already exist (adopting storyc on a database built by"
                            + " hand). Every table a deploy script creates must exist and each"
                            + " verify script must pass; a plan that reverts anything is refused.")
    boolean logOnly;

    @Override
    public Integer call() {
        Console console = options.console(warehouse.root);
        if (rework && logOnly) {
            return bothModes(console);
        }
        WarehouseSession session = WarehouseSession.open(warehouse.root, options, console);
        if (rework && !session.isDevelopment()) {
            console.failure(
                    "--rework is for development environments, and "
                            + session.environment.name()
                            + " is "
                            + session.environment.kind().spelling(),
                    "deployed changes are history outside development: add a new change instead");
            return ExitCode.USAGE;
        }
        List<Action> finished = new ArrayList<>();
        ApplyPlan planned = null;
        try (Applier applier = session.connect(console)) {
            if (dryRun) {
                RegistryState state = applier.readRegistry();
                return WarehousePlanCommand.show(console, session, plan(session, state), options);
            }
            applier.lock();
            RegistryState state = applier.readRegistry();
            ApplyPlan plan = plan(session, state);
            planned = plan;
            if (!plan.refusals().isEmpty()) {
                return WarehousePlanCommand.show(console, session, plan, options);
            }
            Applier.Outcome outcome =
                    applier.apply(
                            session.plan,
                            plan,
                            state,
                            WarehouseSession.actor(warehouse.root.processEnvironment()),
                            Version.number(),
                            (action, took) -> {
                                finished.add(action);
                                if (!options.json()) {
                                    console.result(
                                            String.format(
                                                    "%-14s %-40s %d ms",
                                                    done(action), action.id(), took.toMillis()));
                                }
                            });
            outcome.failure()
                    .ifPresent(
                            failure ->
                                    console.diagnostics(List.of(failure), sources(session, plan)));
            report(console, session, plan, outcome, applier.statements());
            return outcome.failure().isPresent() ? ExitCode.PROJECT_ERRORS : ExitCode.OK;
        } catch (DatabaseException e) {
            if (options.json() && !finished.isEmpty()) {
                // The changes that finished committed; the one the failure interrupted rolled back.
                console.owe(WarehouseReports.partial(document(session, planned, finished, List.of(), -1)));
            }
            throw WarehouseSession.failed(console, e);
        }
    }

    /**
     * Returns the output's scripts and the registry's revert texts, so a failure quotes its line.
     */
    static List<SourceFile> sources(WarehouseSession session, ApplyPlan plan) {
        List<SourceFile> sources = new ArrayList<>(WarehouseSession.sources(session.snapshot));
        for (Action action : plan.actions()) {
            DeployedChange deployed =
                    action instanceof Action.Revert revert
                            ? revert.deployed()
                            : action instanceof Action.Rework rework ? rework.deployed() : null;
            if (deployed != null) {
                sources.add(
                        new SourceFile(
                                deployed.storedRevertPath(), deployed.revertScript()));
            }
        }
        return sources;
    }

    private ApplyPlan plan(WarehouseSession session, RegistryState state) {
        return Planner.plan(
                session.plan, state, new Planner.Options(session.isDevelopment(), rework, logOnly));
    }

    /** Refuses --rework with --log-only: one runs a revert and a deploy, the other runs neither. */
    static int bothModes(Console console) {
        console.failure("--rework and --log-only cannot be used together",
                "--rework runs a stored revert and the new deploy script; --log-only runs no deploy"
                        + " script at all");
        return ExitCode.USAGE;
    }

    private void report(
            Console console,
            WarehouseSession session,
            ApplyPlan plan,
            Applier.Outcome outcome,
            long statements) {
        String commit = OutputPlan.shortId(session.plan.commit());
        if (options.json()) {
            WarehouseReports.print(console.out(),
                    document(session, plan, outcome.done(), outcome.failure().stream().toList(), statements));
        } else if (plan.actions().isEmpty()) {
            console.result(
                    session.environment.name()
                            + " is up to date with output "
                            + commit
                            + ": "
                            + Plural.of(plan.upToDate().size(), "change")
                            + " deployed, nothing to do");
        } else if (outcome.failure().isEmpty()) {
            console.result(
                    session.environment.name()
                            + " is at output "
                            + commit
                            + ": "
                            + Plural.of(outcome.done().size(), "change")
                            + " applied, "
                            + plan.upToDate().size()
                            + " already there");
        } else {
            console.result(
                    session.environment.name()
                            + " stopped after "
                            + outcome.done().size()
                            + " of "
                            + Plural.of(plan.actions().size(), "change")
                            + "; the database is at the last change that succeeded");
        }
    }

    /** Returns apply's JSON document: the plan, what was done, and its diagnostics. */
    private static com.fasterxml.jackson.databind.node.ObjectNode document(WarehouseSession session, ApplyPlan plan,
            List<Action> finished, List<dev.storyc.diag.Diagnostic> failures, long statements) {
        var root = WarehouseReports.planJson(session, plan);
        var done = root.putArray("done");
        finished.forEach(action -> done.addObject()
                .put("action", WarehouseReports.verb(action))
                .put("change", action.id().toString()));
        List<dev.storyc.diag.Diagnostic> reported = new ArrayList<>(plan.refusals());
        reported.addAll(failures);
        root.set("diagnostics", WarehouseReports.diagnostics(reported));
        if (statements >= 0) {
            root.put("statements", statements);
        }
        return root;
    }

    private static String done(Action action) {
        if (action instanceof Action.Deploy) {
            return "deployed";
        } else if (action instanceof Action.Revert) {
            return "reverted";
        } else if (action instanceof Action.Rework) {
            return "reworked";
        } else if (action instanceof Action.Adopt) {
            return "recorded";
        }
        return "updated";
    }
}
