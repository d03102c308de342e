package dev.storyc.cli;

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
import java.util.function.Consumer;
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

    @Mixin ListingFormatOption format;

    @Parameters(
            paramLabel = "JOB",
            arity = "0..*",
            description =
                    "Jobs to run, as story/job or job, in the environment's order whatever the order"
                            + " named; default: every job of the environment.")
    List<String> wanted = new ArrayList<>();

    @Override
    public Integer call() {
        StorycCommand root = etl.root;
        Console console = format.console(root);
        OneEnvironmentOption.EtlSite site = environment.openForJobs(root, console);
        CompiledOutput output = site.output();
        List<EtlJob> jobs = select(EtlCommand.jobs(output), console);
        if (jobs.isEmpty()) {
            // Silence would read as a run that failed without a word; and there is no need to
            // reach a warehouse to run nothing.
            if (format.json()) {
                WarehouseReports.print(console.out(), EtlReports.run(site.name(), output.commit(), List.of(), List.of()));
            } else {
                console.result(site.name() + " has no ETL jobs at output " + OutputPlan.shortId(output.commit())
                        + ": nothing to run");
            }
            return ExitCode.OK;
        }
        Result<Jobs> plans = plan(output, jobs);
        if (!plans.ok()) {
            console.diagnostics(plans.diagnostics(), output.sources());
            return ExitCode.PROJECT_ERRORS;
        }
        WarehouseTarget target = site.target().read(root, console);
        List<EtlRunner.JobRun> runs;
        List<EtlRunner.JobRun> finished = new ArrayList<>();
        try (WarehouseConnection session = Warehouses.open(target, console)) {
            runs = run(session, output, plans.get(), run -> {
                finished.add(run);
                if (!format.json()) {
                    console.result(String.format("%-9s %-40s %8d rows  %6d ms",
                            run.status().name().toLowerCase(java.util.Locale.ROOT),
                            run.job().qualifiedName(),
                            run.rows(),
                            run.ended().toEpochMilli() - run.started().toEpochMilli()));
                }
            });
        } catch (DatabaseException e) {
            if (format.json() && !finished.isEmpty()) {
                // The jobs that finished committed; the one the failure interrupted did not.
                console.owe(WarehouseReports.partial(EtlReports.run(site.name(), output.commit(), finished,
                        jobs.subList(finished.size(), jobs.size()))));
            }
            throw WarehouseSession.failed(console, e);
        }
        // The first failure stops the run, so only the last run can hold one.
        Optional<Diagnostic> failure =
                runs.isEmpty() ? Optional.empty() : runs.get(runs.size() - 1).problem();
        failure.ifPresent(problem -> console.diagnostics(List.of(problem), output.sources()));
        if (format.json()) {
            List<EtlJob> notRun = jobs.subList(runs.size(), jobs.size());
            WarehouseReports.print(console.out(), EtlReports.run(site.name(), output.commit(), runs, notRun));
        }
        return failure.isPresent() ? ExitCode.PROJECT_ERRORS : ExitCode.OK;
    }

    /**
     * Returns each job with its statements, and the output's warehouse plan, or the diagnostics of
     * the jobs that cannot run. Without the warehouse plan (an output commit made by hand, or
     * before the warehouse layer) no job runs: they would run in no known order, unchecked
     * against the registry, so it is refused as the warehouse commands refuse it (E0805).
     */
    static Result<Jobs> plan(CompiledOutput output, List<EtlJob> jobs) {
        List<Plan> plans = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Result<OutputPlan> warehouse =
                OutputPlan.read(output.commit(), path -> Optional.ofNullable(output.files().get(path)));
        problems.addAll(warehouse.diagnostics());
        for (EtlJob job : jobs) {
            String path = EtlCommand.sqlPath(job);
            Result<List<RunStep>> steps =
                    RunPlan.of(job, output.shown(path), output.files().getOrDefault(path, ""));
            problems.addAll(steps.diagnostics());
            steps.value().ifPresent(s -> plans.add(new Plan(job, s)));
        }
        return problems.isEmpty()
                ? Result.of(new Jobs(List.copyOf(plans), warehouse.get()), List.of())
                : Result.failed(problems);
    }

    /**
     * Runs the jobs in order, each in its transaction and recorded in the registry, and stops after
     * the first that fails; returns the runs, the failed one last. Shared by {@code etl run} and
     * the live stage of {@code ci}.
     */
    static List<EtlRunner.JobRun> run(
            WarehouseConnection session,
            CompiledOutput output,
            Jobs jobs,
            Consumer<EtlRunner.JobRun> each)
            throws DatabaseException {
        Map<String, String> schemas =
                new TreeMap<>(ChangeStatus.byStory(ChangeStatus.of(jobs.warehouse(), session.registry())));
        EtlRunner runner = session.etlRunner(Clock.systemUTC());
        List<EtlRunner.JobRun> runs = new ArrayList<>();
        for (Plan plan : jobs.plans()) {
            EtlRunner.JobRun run =
                    runner.run(
                            plan.job(),
                            plan.steps(),
                            output.commit(),
                            Optional.ofNullable(schemas.get(plan.job().story())));
            runs.add(run);
            each.accept(run);
            if (run.problem().isPresent()) {
                break;
            }
        }
        return runs;
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
                        Spelling.didYouMean(name, name.contains("/") ? names
                                        : jobs.stream().map(EtlJob::name).toList())
                                .orElse("the jobs are " + String.join(", ", names)));
                throw new CommandFailure(ExitCode.USAGE);
            }
            if (!selected.contains(matches.get(0))) {
                selected.add(matches.get(0));
            }
        }
        // The jobs run in the environment's order, whatever the order they were named in: a job
        // that reads what another loads must run after it, as it does when every job runs.
        selected.sort(java.util.Comparator.comparingInt(jobs::indexOf));
        return selected;
    }

    /** One job with the statements it runs. */
    record Plan(EtlJob job, List<RunStep> steps) {}

    /** The jobs to run, in order, and the warehouse plan that says whether each story is deployed. */
    record Jobs(List<Plan> plans, OutputPlan warehouse) {}
}
