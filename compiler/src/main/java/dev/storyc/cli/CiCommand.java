package dev.storyc.cli;

import dev.storyc.compile.EnvironmentCompiler;
import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentKind;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Result;
import dev.storyc.emit.ChangeSummary;
import dev.storyc.emit.CommitMessage;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.LockFile;
import dev.storyc.emit.OutputLayout;
import dev.storyc.publish.Drift;
import dev.storyc.publish.GitContentIds;
import dev.storyc.publish.GitCredentials;
import dev.storyc.publish.OutputRemote;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.Progress;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.PublishResult;
import dev.storyc.publish.PushResult;
import dev.storyc.publish.RemoteUrl;
import dev.storyc.publish.SourceRevision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code storyc ci}: what CI runs on every push to main. Checks every environment, compiles every
 * one that is not a development environment, pushes the output repositories that changed, and
 * prints one table. Nothing is written unless every environment checks cleanly.
 */
@Command(name = "ci", mixinStandardHelpOptions = true,
        description = {"Check every environment, compile every non-development one, and push those that changed.",
                "Exit 0 when all is well, 1 when the project has errors, 3 when a compile or push failed."})
final class CiCommand implements Callable<Integer> {
    /** The diagnostics formats of §8; only text is rendered for ci so far. */
    enum Format { text, json, sarif }

    @ParentCommand
    StorycCommand root;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Environments compiled and pushed at once. Default: the number of processors.")
    Integer jobs;

    @Option(names = "--no-push", description = "Compile but do not contact any remote.")
    boolean noPush;

    @Option(names = "--adopt-drift",
            description = "Build on commits that storyc did not make on a remote instead of stopping at them.")
    boolean adoptDrift;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Diagnostics format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    /** One row of the summary table. */
    record Row(String environment, String release, int added, int removed, String commit, String pushed,
            boolean failed) {}

    @Override
    public Integer call() {
        Console console = root.console();
        if (format != Format.text) {
            console.failure("`storyc ci --format " + format + "` is not available yet",
                    "use --format text; JSON and SARIF diagnostics come with the renderers of `check`");
            return ExitCode.USAGE;
        }
        int parallelism = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (parallelism < 1) {
            console.failure("--jobs must be at least 1", null);
            return ExitCode.USAGE;
        }
        Project project = root.openProject();
        List<Environment> all = List.copyOf(project.environments().all());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<CompiledEnvironment> compiled = checkAll(project, all, pool, console);
            List<CompiledEnvironment> targets = compiled.stream()
                    .filter(c -> c.environment().kind() != EnvironmentKind.DEVELOPMENT).toList();
            for (CompiledEnvironment target : targets) {
                Optional<String> problem = OutputRepository.problemWith(OutputFolders.of(project, target.environment(), null));
                if (problem.isPresent()) {
                    console.failure(problem.get() + "; nothing was written",
                            "storyc only writes into repositories it created; move the folder away");
                    return ExitCode.OPERATION_FAILED;
                }
            }
            Progress progress = root.progress(parallelism);
            GitCredentials credentials = GitTokenSetting.credentials(root.processEnvironment());
            String source = SourceRevision.describe(project.root());
            List<Row> rows = inParallel(pool, targets,
                    target -> publish(project, target, source, credentials, progress, console));
            printTable(console, rows);
            return rows.stream().anyMatch(Row::failed) ? ExitCode.OPERATION_FAILED : ExitCode.OK;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Compiles every environment in memory; prints the diagnostics and exits 1 if any has errors. */
    private List<CompiledEnvironment> checkAll(Project project, List<Environment> all, ExecutorService pool,
            Console console) {
        // Each task has its own compiler: the renderer is synchronized, so sharing one would serialise them.
        List<Result<CompiledEnvironment>> results = inParallel(pool, all,
                environment -> new EnvironmentCompiler(project.workspace(), new GitContentIds(), Version.number())
                        .compile(environment));
        List<Diagnostic> diagnostics = new ArrayList<>();
        results.forEach(result -> diagnostics.addAll(result.diagnostics()));
        console.diagnostics(diagnostics, project.workspace().allSources());
        if (results.stream().anyMatch(result -> !result.ok())) {
            throw new CommandFailure(ExitCode.PROJECT_ERRORS);
        }
        for (Result<CompiledEnvironment> result : results) {
            CompiledEnvironment environment = result.get();
            console.result(String.format("ok  %-16s %-10s %d stories", environment.environment().name(),
                    environment.selection().releaseName(), environment.selection().stories().size()));
        }
        return results.stream().map(Result::get).toList();
    }

    /** Brings one environment's repository up to its remote, commits the compile, and pushes it. */
    private Row publish(Project project, CompiledEnvironment compiled, String source, GitCredentials credentials,
            Progress progress, Console console) {
        Environment environment = compiled.environment();
        String release = compiled.selection().releaseName();
        Optional<RemoteUrl> remote = environment.output().remote().map(RemoteUrl::new);
        Path directory = OutputFolders.of(project, environment, null);
        try (OutputRepository repository = OutputRepository.openOrCreate(directory, environment.output().branch(), progress)) {
            OutputRemote output = remote.filter(r -> !noPush)
                    .map(r -> new OutputRemote(repository, r, credentials, environment.name())).orElse(null);
            if (output != null) {
                Optional<Drift> drift = output.sync(adoptDrift);
                if (drift.isPresent()) {
                    synchronized (console) {
                        Reports.drift(console, environment.name(), remote.get(), drift.get());
                    }
                    return new Row(environment.name(), release, 0, 0, "-", "no: drift", true);
                }
            }
            Optional<LockFile> previous = repository.readAtHead(OutputLayout.LOCK).flatMap(LockFile::parse);
            ChangeSummary summary = ChangeSummary.between(previous, compiled.lock());
            EnvironmentCompiler compiler = new EnvironmentCompiler(project.workspace(), new GitContentIds(),
                    Version.number());
            String message = CommitMessage.render(project.workspace().stdlib(), compiler.renderer(), compiled,
                    summary, source);
            PublishResult published = repository.publish(compiled.tree(), message);
            boolean committed = published instanceof PublishResult.Committed;
            int added = committed ? summary.added().size() : 0;
            int removed = committed ? summary.removed().size() : 0;
            if (remote.isEmpty()) {
                return new Row(environment.name(), release, added, removed, published.commit(), "no remote", false);
            }
            if (output == null) {
                return new Row(environment.name(), release, added, removed, published.commit(), "no: --no-push", false);
            }
            PushResult pushed = output.push(adoptDrift);
            if (pushed instanceof PushResult.Pushed p) {
                return new Row(environment.name(), release, added, removed, p.commit(),
                        p.attempts() > 1 ? "yes, after " + p.attempts() + " tries" : "yes", false);
            }
            if (pushed instanceof PushResult.Drifted d) {
                synchronized (console) {
                    Reports.drift(console, environment.name(), remote.get(), d.drift());
                }
                return new Row(environment.name(), release, added, removed, published.commit(), "no: drift", true);
            }
            String remoteHead = ((PushResult.UpToDate) pushed).commit();
            return new Row(environment.name(), release, added, removed, remoteHead, "up to date", false);
        } catch (PublishException e) {
            synchronized (console) {
                console.failure(e.getMessage(), e.hint());
            }
            return new Row(environment.name(), release, 0, 0, "-", "no: failed", true);
        }
    }

    private static void printTable(Console console, List<Row> rows) {
        String format = "%-16s %-10s %6s %8s  %-12s  %s";
        console.result(String.format(format, "ENVIRONMENT", "RELEASE", "ADDED", "REMOVED", "COMMIT", "PUSHED"));
        for (Row row : rows) {
            console.result(String.format(format, row.environment(), row.release(), "+" + row.added(),
                    "-" + row.removed(), row.commit().length() > 12 ? row.commit().substring(0, 12) : row.commit(),
                    row.pushed()));
        }
        long failed = rows.stream().filter(Row::failed).count();
        console.result(String.format("%d environment%s compiled, %d failed", rows.size(), rows.size() == 1 ? "" : "s",
                failed));
    }

    /** Applies {@code task} to every item on the pool and returns the results in the items' order. */
    private static <T, R> List<R> inParallel(ExecutorService pool, List<T> items, Function<T, R> task) {
        List<Future<R>> futures = items.stream().map(item -> pool.submit(() -> task.apply(item))).toList();
        List<R> results = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while compiling", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }
}
