package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentKind;
import dev.storyc.datatest.DataTests;
import dev.storyc.datatest.TestOutcome;
import dev.storyc.datatest.TestReports;
import dev.storyc.db.Applier;
import dev.storyc.db.DatabaseException;
import dev.storyc.db.EtlRunner;
import dev.storyc.db.JdbcSqlExecutor;
import dev.storyc.db.WarehouseConnection;
import dev.storyc.diag.Code;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.diag.Spelling;
import dev.storyc.etl.EtlJob;
import dev.storyc.settings.Setting;
import dev.storyc.settings.SettingsLoader;
import dev.storyc.validate.ValidationPlanner;
import dev.storyc.validate.ValidationResult;
import dev.storyc.validate.Validator;
import dev.storyc.warehouse.Action;
import dev.storyc.warehouse.ApplyPlan;
import dev.storyc.warehouse.Planner;
import dev.storyc.warehouse.RegistryState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The opt-in live stage of {@code storyc ci}: after the push, each named environment's database is
 * brought to its new output commit and proven to work, by the code paths of {@code warehouse
 * apply}, {@code etl run}, {@code test} and {@code validate} in that order. An environment's chain
 * stops at its first step that does not pass; the other environments still run, so one broken
 * integration database does not hide what another would have shown.
 */
final class LiveStage {
    private final StorycCommand root;
    private final Project project;
    private final Console console;

    LiveStage(StorycCommand root, Project project, Console console) {
        this.root = root;
        this.project = project;
        this.console = console;
    }

    /**
     * Returns the environments to prove, in order: those named on the command line, else the
     * {@code ci.live} setting's; a name that ci does not compile (unknown, or a development
     * environment) is an E0934 error at the setting's position or on the command line.
     */
    static Result<List<Environment>> select(
            Project project, List<String> named, String source) {
        List<Environment> selected = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        List<String> compiled =
                project.environments().all().stream()
                        .filter(e -> e.kind() != EnvironmentKind.DEVELOPMENT)
                        .map(Environment::name)
                        .toList();
        for (String name : named) {
            Optional<Environment> environment =
                    project.environments().find(name).filter(e -> compiled.contains(e.name()));
            if (environment.isEmpty()) {
                problems.add(
                        Diagnostic.error(
                                        Code.CI_LIVE_UNKNOWN_ENVIRONMENT,
                                        SettingsLoader.positionOf(source),
                                        "`"
                                                + name
                                                + "` is not an environment that ci compiles, so"
                                                + " it cannot be proven live")
                                .withHint(
                                        Spelling.didYouMean(name, compiled)
                                                .orElse(
                                                        "ci compiles "
                                                                + String.join(", ", compiled))));
            } else if (!selected.contains(environment.get())) {
                selected.add(environment.get());
            }
        }
        return problems.isEmpty() ? Result.of(List.copyOf(selected), List.of())
                : Result.failed(problems);
    }

    /** Returns where the names came from, for E0934's position: the setting's source. */
    static String sourceOf(StorycCommand root, boolean fromCommandLine) {
        if (fromCommandLine) {
            return SettingsLoader.COMMAND_LINE;
        }
        return root.settings().get(Setting.CI_LIVE).map(v -> v.source())
                .orElse(SettingsLoader.COMMAND_LINE);
    }

    /** Runs every environment's chain and returns its row. */
    List<LiveRow> run(List<Environment> environments) {
        List<LiveRow> rows = new ArrayList<>();
        for (Environment environment : environments) {
            rows.add(prove(environment));
        }
        return rows;
    }

    private LiveRow prove(Environment environment) {
        List<LiveRow.Step> steps = new ArrayList<>();
        // Read after apply, once: apply checks the output commit first and says so if it is gone.
        List<CompiledOutput> output = new ArrayList<>();
        Supplier<CompiledOutput> read =
                () -> {
                    if (output.isEmpty()) {
                        output.add(CompiledOutput.read(root, project, environment, null, console));
                    }
                    return output.get(0);
                };
        List<Step> chain =
                List.of(
                        () -> apply(environment),
                        () -> etl(environment, read.get()),
                        () -> test(environment, read.get()),
                        () -> validate(environment, read.get()));
        for (Step step : chain) {
            if (!steps.isEmpty()
                    && steps.get(steps.size() - 1).status() != LiveRow.Status.PASSED) {
                steps.add(LiveRow.Step.SKIPPED);
                continue;
            }
            try {
                steps.add(step.run());
            } catch (CommandFailure failure) {
                // The step printed why; the exit code says whether it was ours or the database's.
                steps.add(
                        failure.exitCode() == ExitCode.OPERATION_FAILED
                                ? LiveRow.Step.UNREACHABLE
                                : LiveRow.Step.failed("failed"));
            }
        }
        return new LiveRow(environment.name(), steps);
    }

    /** One step of the chain; ends with {@link CommandFailure} after printing why. */
    @FunctionalInterface
    private interface Step {
        LiveRow.Step run();
    }

    /** {@code storyc warehouse apply --env E}, without its per-change lines. */
    private LiveRow.Step apply(Environment environment) {
        WarehouseOptions options = new WarehouseOptions();
        options.environment = environment.name();
        WarehouseSession session = WarehouseSession.open(root, options, console);
        try (Applier applier = session.connect(console)) {
            applier.lock();
            RegistryState state = applier.readRegistry();
            ApplyPlan plan =
                    Planner.plan(
                            session.plan,
                            state,
                            new Planner.Options(session.isDevelopment(), false));
            if (!plan.refusals().isEmpty()) {
                console.diagnostics(plan.refusals(), WarehouseSession.sources(session.snapshot));
                return LiveRow.Step.failed(plan.refusals().size() + " refused");
            }
            Applier.Outcome outcome =
                    applier.apply(
                            session.plan,
                            plan,
                            state,
                            WarehouseSession.actor(root.processEnvironment()),
                            Version.number(),
                            (action, took) -> {});
            long deployed =
                    outcome.done().stream().filter(a -> !(a instanceof Action.Revert)).count();
            long reverted = outcome.done().size() - deployed;
            String summary =
                    outcome.done().isEmpty()
                            ? "no-op"
                            : deployed + " deployed" + (reverted == 0 ? ""
                                    : ", " + reverted + " reverted");
            if (outcome.failure().isPresent()) {
                console.diagnostics(
                        List.of(outcome.failure().get()),
                        WarehouseApplyCommand.sources(session, plan));
                return LiveRow.Step.failed(summary.replace("no-op", "0 deployed") + ", 1 failed");
            }
            return LiveRow.Step.passed(summary);
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
    }

    /** {@code storyc etl run --env E}: every job, stopping at the first failure. */
    private LiveRow.Step etl(Environment environment, CompiledOutput output) {
        List<EtlJob> jobs = EtlCommand.jobs(output);
        Result<EtlRunCommand.Jobs> plans = EtlRunCommand.plan(output, jobs);
        if (!plans.ok()) {
            console.diagnostics(plans.diagnostics(), output.sources());
            return LiveRow.Step.failed("0 ok, " + jobs.size() + " not run");
        }
        try (WarehouseConnection session =
                Warehouses.open(Warehouses.target(root, environment, console), console)) {
            List<EtlRunner.JobRun> runs =
                    EtlRunCommand.run(session, output, plans.get(), run -> {});
            long failed = runs.stream().filter(r -> r.problem().isPresent()).count();
            runs.stream()
                    .flatMap(r -> r.problem().stream())
                    .forEach(p -> console.diagnostics(List.of(p), output.sources()));
            String summary =
                    (runs.size() - failed) + " ok"
                            + (failed == 0 ? "" : ", " + failed + " failed")
                            + (runs.size() == jobs.size() ? ""
                                    : ", " + (jobs.size() - runs.size()) + " not run");
            return failed == 0 ? LiveRow.Step.passed(summary) : LiveRow.Step.failed(summary);
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
    }

    /** {@code storyc test --env E}: every story's tests and the generated key tests. */
    private LiveRow.Step test(Environment environment, CompiledOutput output) {
        DataTests.Collected collected =
                TestCommand.collect(output, environment, List.of(), console);
        if (!collected.problems().isEmpty()) {
            console.diagnostics(collected.problems(), output.sources());
            return LiveRow.Step.failed(collected.problems().size() + " broken");
        }
        List<TestOutcome> outcomes = new ArrayList<>();
        try (WarehouseConnection session =
                Warehouses.open(Warehouses.target(root, environment, console), console)) {
            outcomes.addAll(session.test(collected.tests()));
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
        outcomes.addAll(collected.skipped());
        List<TestOutcome> failing = outcomes.stream().filter(TestOutcome::isProblem).toList();
        // The failing tests' rows, as storyc test shows them: the diagnostic points at this report.
        if (!failing.isEmpty()) {
            TestReports.text(failing).lines().forEach(console::result);
        }
        console.diagnostics(TestReports.diagnostics(outcomes), output.sources());
        String summary = TestReports.summary(outcomes);
        return failing.isEmpty() ? LiveRow.Step.passed(summary) : LiveRow.Step.failed(summary);
    }

    /** {@code storyc validate --env E}: every field, batched. */
    private LiveRow.Step validate(Environment environment, CompiledOutput output) {
        DeployedLookml lookml = DeployedLookml.of(output);
        ValidationResult result;
        try (WarehouseConnection session =
                Warehouses.open(Warehouses.target(root, environment, console), console)) {
            result = Validator.run(ValidationPlanner.plan(lookml.project()), session.validation());
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        } catch (JdbcSqlExecutor.Stopped e) {
            throw WarehouseSession.failed(console, e.failure());
        }
        console.diagnostics(result.diagnostics(), output.sources());
        long failed = result.diagnostics().stream().filter(Diagnostic::isError).count();
        String summary =
                result.validated() + " ok" + (failed == 0 ? "" : ", " + failed + " failed");
        return result.passed() ? LiveRow.Step.passed(summary) : LiveRow.Step.failed(summary);
    }

    /** Prints the table: one line per environment, then the closing count. */
    static void print(Console console, List<LiveRow> rows) {
        // Each column is as wide as its longest cell, at least as wide as it usually is, so that a
        // long summary ("5 ok, 1 failed, 2 not run") never runs into the next column.
        int[] widths = {16, 22, 20, 22};
        for (LiveRow row : rows) {
            widths[0] = Math.max(widths[0], row.environment().length());
            for (int step = 0; step < 3; step++) {
                widths[step + 1] = Math.max(widths[step + 1], row.steps().get(step).summary().length());
            }
        }
        String format = "%-" + widths[0] + "s %-" + widths[1] + "s %-" + widths[2] + "s %-" + widths[3] + "s %s";
        console.result(String.format(format, "ENV", "APPLY", "ETL", "TEST", "VALIDATE").stripTrailing());
        for (LiveRow row : rows) {
            List<String> cells = row.steps().stream().map(LiveRow.Step::summary).toList();
            console.result(
                    String.format(
                                    format,
                                    row.environment(),
                                    cells.get(0),
                                    cells.get(1),
                                    cells.get(2),
                                    cells.get(3))
                            .stripTrailing());
        }
        long failed = rows.stream().filter(r -> r.exitCode() != ExitCode.OK).count();
        console.result(
                String.format(
                        "%d environment%s proven live, %d failed",
                        rows.size() - failed, rows.size() - failed == 1 ? "" : "s", failed));
    }
}
