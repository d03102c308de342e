package dev.storyc.cli;

import dev.storyc.config.Environment;
import dev.storyc.db.DatabaseException;
import dev.storyc.db.EtlRunner;
import dev.storyc.db.WarehouseConnection;
import dev.storyc.db.WarehouseTarget;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.diag.Spelling;
import dev.storyc.etl.EtlJob;
import dev.storyc.etl.RunPlan;
import dev.storyc.etl.RunStep;
import dev.storyc.warehouse.ChangeStatus;
import dev.storyc.warehouse.OutputPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code storyc etl run}: run jobs, each in one transaction, each run recorded in the registry. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run ETL jobs of the environment's compiled output (out/ENV) against its warehouse.",
            "Each job runs in one transaction and is recorded in the registry (etl status shows"
                + " it). Jobs run in the stories' warehouse apply order; the first failure stops"
                + " the run."
        })
final class EtlRunCommand implements Callable<Integer> {
    @ParentCommand EtlCommand etl;

    @Mixin OneEnvironmentOption environment;

    @Parameters(
            paramLabel = "JOB",
            arity = "0..*",
            description =
                    "Jobs to run, as story/job or job; default: every job of the environment.")
    List<String> wanted = new ArrayList<>();

    @Override
    public Integer call() {
        StorycCommand root = etl.root;
        Console console = root.console();
        Project project = root.openProject(console);
        Environment selected = environment.select(project, root, console);
        CompiledOutput output =
                CompiledOutput.read(root, project, selected, environment.out, console);
        List<EtlJob> jobs = select(EtlCommand.jobs(output), console);
        List<Plan> plans = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (EtlJob job : jobs) {
            String path = EtlCommand.sqlPath(job);
            Result<List<RunStep>> steps =
                    RunPlan.of(job, output.shown(path), output.files().getOrDefault(path, ""));
            problems.addAll(steps.diagnostics());
            steps.value().ifPresent(s -> plans.add(new Plan(job, s)));
        }
        if (!problems.isEmpty()) {
            console.diagnostics(problems, output.sources());
            return ExitCode.PROJECT_ERRORS;
        }
        WarehouseTarget target = Warehouses.target(root, selected, console);
        Map<String, String> schemas = new TreeMap<>();
        try (WarehouseConnection session = Warehouses.open(target, console)) {
            Result<OutputPlan> warehousePlan =
                    OutputPlan.read(
                            output.commit(), path -> Optional.ofNullable(output.files().get(path)));
            if (warehousePlan.ok()) {
                schemas.putAll(
                        ChangeStatus.byStory(
                                ChangeStatus.of(warehousePlan.get(), session.registry())));
            }
            EtlRunner runner = session.etlRunner(Clock.systemUTC());
            for (Plan plan : plans) {
                EtlRunner.JobRun run =
                        runner.run(
                                plan.job(),
                                plan.steps(),
                                output.commit(),
                                Optional.ofNullable(schemas.get(plan.job().story())));
                console.result(
                        String.format(
                                "%-9s %-40s %8d rows  %6d ms",
                                run.status().name().toLowerCase(),
                                run.job().qualifiedName(),
                                run.rows(),
                                run.ended().toEpochMilli() - run.started().toEpochMilli()));
                if (run.problem().isPresent()) {
                    console.diagnostics(List.of(run.problem().get()), output.sources());
                    return ExitCode.PROJECT_ERRORS;
                }
            }
        } catch (DatabaseException e) {
            throw Warehouses.failed(console, e);
        }
        return ExitCode.OK;
    }

    private List<EtlJob> select(List<EtlJob> jobs, Console console) {
        if (wanted.isEmpty()) {
            return jobs;
        }
        List<EtlJob> selected = new ArrayList<>();
        List<String> names = jobs.stream().map(EtlJob::qualifiedName).toList();
        for (String name : wanted) {
            List<EtlJob> matches =
                    jobs.stream()
                            .filter(j -> j.qualifiedName().equals(name) || j.name().equals(name))
                            .toList();
            if (matches.size() != 1) {
                console.failure(
                        matches.isEmpty()
                                ? "the environment has no ETL job `" + name + "`"
                                : "`"
                                        + name
                                        + "` names "
                                        + matches.size()
                                        + " jobs; write story/job",
                        Spelling.didYouMean(name, names)
                                .orElse("the jobs are " + String.join(", ", names)));
                throw new CommandFailure(ExitCode.USAGE);
            }
            if (!selected.contains(matches.get(0))) {
                selected.add(matches.get(0));
            }
        }
        return selected;
    }

    private record Plan(EtlJob job, List<RunStep> steps) {}
}
