package dev.storyc.cli;


import dev.storyc.db.DatabaseException;
import dev.storyc.db.EtlRuns;
import dev.storyc.db.WarehouseConnection;
import dev.storyc.db.WarehouseTarget;
import dev.storyc.diag.Plural;
import dev.storyc.etl.EtlJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code storyc etl status}: the last run of each job, and the jobs that never ran. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description =
                "Show the last run of each ETL job of the environment, and the jobs that have never"
                    + " run.")
final class EtlStatusCommand implements Callable<Integer> {
    @ParentCommand EtlCommand etl;

    @Mixin OneEnvironmentOption environment;

    @Mixin ListingFormatOption format;

    @Override
    public Integer call() {
        StorycCommand root = etl.root;
        Console console = format.console(root);
        OneEnvironmentOption.EtlSite site = environment.openForJobs(root, console);
        CompiledOutput output = site.output();
        List<EtlJob> jobs = EtlCommand.jobs(output);
        WarehouseTarget target = site.target().read(root, console);
        List<EtlRuns.Run> runs;
        try (WarehouseConnection session = Warehouses.open(target, console)) {
            runs = session.etlRuns().lastRuns(site.name());
        } catch (DatabaseException e) {
            throw WarehouseSession.failed(console, e);
        }
        Map<String, EtlRuns.Run> last =
                runs.stream()
                        .collect(
                                Collectors.toMap(
                                        r -> r.story() + "/" + r.job(),
                                        Function.identity(),
                                        (a, b) -> a));
        if (format.json()) {
            WarehouseReports.print(console.out(), EtlReports.status(site.name(), output.commit(), jobs, last));
            return ExitCode.OK;
        }
        console.out()
                .printf(
                        "%-40s %-9s %-20s %10s %8s  %s%n",
                        "JOB", "STATUS", "STARTED", "TOOK", "ROWS", "COMMIT");
        for (EtlJob job : jobs) {
            Optional<EtlRuns.Run> run = Optional.ofNullable(last.get(job.qualifiedName()));
            if (run.isEmpty()) {
                console.out().printf("%-40s %-9s%n", job.qualifiedName(), "never");
                continue;
            }
            EtlRuns.Run r = run.get();
            String took =
                    r.ended()
                            .map(e -> Duration.between(r.started(), e).toMillis() + " ms")
                            .orElse("-");
            console.out()
                    .printf(
                            "%-40s %-9s %-20s %10s %8d  %s%n",
                            job.qualifiedName(),
                            r.status(),
                            Times.shown(r.started()),
                            took,
                            r.rows(),
                            r.outputCommit().substring(0, Math.min(12, r.outputCommit().length())));
            if (!r.error().isEmpty()) {
                console.out().printf("    %s%n", r.error().lines().findFirst().orElse(""));
            }
        }
        long never = jobs.stream().filter(j -> !last.containsKey(j.qualifiedName())).count();
        console.out().printf("%s, %d never run%n", Plural.of(jobs.size(), "job"), never);
        console.out().flush();
        return ExitCode.OK;
    }
}
