package dev.storyc.cli;

import dev.storyc.compile.OutputCommit;
import dev.storyc.compile.OutputStore;
import dev.storyc.compile.OutputWrites;
import dev.storyc.compile.ProjectCompiler;
import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentKind;
import dev.storyc.diag.Result;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.publish.Drift;
import dev.storyc.publish.GitCredentials;
import dev.storyc.publish.OutputRemote;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.Progress;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.PushResult;
import dev.storyc.publish.RepositoryOutputStore;
import dev.storyc.publish.RemoteUrl;
import dev.storyc.publish.SourceRevision;
import dev.storyc.workspace.SourceRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code storyc ci}: what CI runs on every push to main. Checks every environment, compiles every
 * one that is not a development environment, pushes the output repositories that changed, and
 * prints one table. Nothing is written unless every environment checks cleanly.
 */
@Command(name = "ci", mixinStandardHelpOptions = true,
        description = {"Check every environment, compile every non-development one, and push those that changed.",
                "With --live or the ci.live setting, then apply, run the ETL jobs, test and"
                        + " validate each named environment's database, and print a second table.",
                "Exit 0 when all is well, 1 when the project has errors (or a live step found"
                        + " some), 3 when a compile, push or database connection failed."})
final class CiCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Mixin
    JobsOption jobs;

    @Option(names = "--no-push", description = "Compile but do not contact any remote.")
    boolean noPush;

    @Option(names = "--adopt-drift",
            description = "Build on commits that storyc did not make on a remote instead of stopping at them.")
    boolean adoptDrift;

    @Option(names = "--live", paramLabel = "ENV", completionCandidates = NameCompletion.Environments.class,
            description = "After pushing, prove this environment live: warehouse apply, etl run,"
                    + " test and validate, in that order. Repeat for several; replaces the ci.live"
                    + " setting.")
    List<String> live = new java.util.ArrayList<>();

    @Option(names = "--no-live",
            description = "Skip the live stage that the ci.live setting asks for.")
    boolean noLive;

    @Mixin
    FormatOption output;

    @Mixin
    CacheOption cache;

    @Mixin
    WorkingTreeOption workingTree;

    /** Where each environment's repository goes, approved before anything is compiled or written. */
    private OutputFolders.Approval folders;
    /** The workspace's git history, read by every environment's job: JGit's reads are thread-safe. */
    private Optional<SourceRepository> workspaceHistory = Optional.empty();

    /** One row of the summary table; {@code backedOut} names stories whose revert is still pending. */
    record Row(String environment, String release, int added, int removed, String commit, String pushed,
            boolean failed, List<String> backedOut) {
        Row(String environment, String release, int added, int removed, String commit, String pushed,
                boolean failed) {
            this(environment, release, added, removed, commit, pushed, failed, List.of());
        }
    }

    @Override
    public Integer call() {
        Console console = root.console(output.format);
        OptionalInt jobCount = jobs.parallelism(console);
        if (jobCount.isEmpty()) {
            return ExitCode.USAGE;
        }
        int parallelism = jobCount.getAsInt();
        if (noLive && !live.isEmpty()) {
            console.failure("--live and --no-live cannot be used together",
                    "--no-live skips the live stage that --live asks for; keep one");
            return ExitCode.USAGE;
        }
        Project project = root.openProject(console);
        List<Environment> proven = List.of();
        if (!noLive) {
            boolean named = !live.isEmpty();
            Result<List<Environment>> selected = LiveStage.select(project,
                    named ? live : root.settings().ciLive(), LiveStage.sourceOf(root, named));
            if (!selected.ok()) {
                console.diagnostics(selected.diagnostics(), root.settingsSources());
                // As for any setting: a mistake in a file is the project's (1), one typed on the
                // command line or in a STORYC_* variable is usage (2).
                return selected.diagnostics().stream().allMatch(d -> d.position().hasLine())
                        ? ExitCode.PROJECT_ERRORS : ExitCode.USAGE;
            }
            proven = selected.get();
        }
        List<Environment> all = List.copyOf(project.environments().all());
        folders = OutputFolders.approve(project, root.settings(), null,
                all.stream().filter(e -> e.kind() != EnvironmentKind.DEVELOPMENT).toList(), console);
        // Shared environments are synced, committed and pushed on every run; only those ci merely
        // checks (developers') may be skipped when a clean compile of the same inputs is cached.
        CachedReuse reuse = CachedReuse.checking(
                WorkspaceCache.of(project.root(), root.settings(), root.processLookup()),
                !cache.noCache, environment -> environment.kind() == EnvironmentKind.DEVELOPMENT);
        ProjectCompiler.Compiled compilation = Compilation.run(project, all,
                root.processLookup(), console, parallelism, reuse);
        reuse.rememberChecked(compilation);
        Reports.checked(console, all, compilation);
        List<CompiledEnvironment> targets = compilation.environments().stream()
                .filter(c -> c.environment().kind() != EnvironmentKind.DEVELOPMENT).toList();
        folders.require();
        Progress progress = root.progress(parallelism);
        GitCredentials credentials = GitTokenSetting.credentials(root.settings(), root.processEnvironment());
        String source = SourceRevision.describe(project.root(), folders.folders().values());
        // Each environment reports into a console of its own, replayed in environment order below,
        // so that two runs with --jobs 2 print the same text whichever environment finished first.
        Map<String, Console> reports = new java.util.concurrent.ConcurrentHashMap<>();
        workspaceHistory = SourceRepository.find(project.root());
        OutputWrites.Outcome<Row> written;
        try {
            written = OutputWrites.writeAll(targets, new OutputWrites.Writer<Row, RuntimeException>() {
            @Override
            public Optional<String> problemWith(CompiledEnvironment target) {
                return OutputRepository.problemWith(folderOf(project, target.environment()));
            }

            @Override
            public Row write(CompiledEnvironment target) {
                return publish(project, compilation, target, source, credentials, progress,
                        reports.computeIfAbsent(target.environment().name(), name -> console.buffered()));
            }
        }, parallelism);
        } finally {
            workspaceHistory.ifPresent(SourceRepository::close);
        }
        if (written instanceof OutputWrites.Outcome.Refused<Row> refused) {
            console.failure(refused.problem() + "; nothing was written",
                    "storyc only writes into repositories it created; move the folder away");
            return ExitCode.OPERATION_FAILED;
        }
        List<Row> rows = ((OutputWrites.Outcome.Written<Row>) written).results();
        for (Row row : rows) {
            Optional.ofNullable(reports.get(row.environment())).ifPresent(report -> report.replayInto(console));
        }
        printTable(console, rows);
        if (rows.stream().anyMatch(Row::failed)) {
            return ExitCode.OPERATION_FAILED;
        }
        reuse.commit();
        if (proven.isEmpty()) {
            return ExitCode.OK;
        }
        List<LiveRow> live = new LiveStage(root, project, console).run(proven);
        console.result("");
        LiveStage.print(console, live);
        console.section("live", live.stream().map(LiveRow::json).toList());
        return live.stream().mapToInt(LiveRow::exitCode).max().orElse(ExitCode.OK);
    }

    /** Brings one environment's repository up to its remote, commits the compile, and pushes it. */
    private Row publish(Project project, ProjectCompiler.Compiled compilation, CompiledEnvironment compiled,
            String source, GitCredentials credentials, Progress progress, Console console) {
        Environment environment = compiled.environment();
        String release = compiled.selection().releaseName();
        Optional<RemoteUrl> remote = environment.output().remote().map(RemoteUrl::new);
        Path directory = folderOf(project, environment);
        // Set once the compile is committed, so a push that fails after it still shows that commit.
        Row committed = null;
        try (OutputRepository repository = OutputRepository.openOrCreate(directory,
                environment.output().branch(), progress, workingTree.keptFor(environment))) {
            OutputRemote output = remote.filter(r -> !noPush)
                    .map(r -> new OutputRemote(repository, r, credentials, environment.name())).orElse(null);
            if (output != null) {
                Optional<Drift> drift = output.sync(adoptDrift);
                if (drift.isPresent()) {
                    Reports.drift(console, environment.name(), remote.get(), drift.get());
                    return new Row(environment.name(), release, 0, 0, "-", "no: drift", true);
                }
                Optional<String> newer = repository.sourceAtHead().filter(published -> isBehind(source, published));
                if (newer.isPresent()) {
                    console.failure(environment.name() + ": the remote holds a compile of workspace commit "
                                    + newer.get() + ", which comes after this workspace's HEAD " + source
                                    + "; publishing this one would move " + environment.name() + " back,"
                                    + " so nothing was committed or pushed",
                            "pull the workspace (git pull), then run storyc ci again");
                    return new Row(environment.name(), release, 0, 0, "-", "no: behind", true);
                }
            }
            OutputCommit.Outcome outcome = compilation.commit(new RepositoryOutputStore(repository), compiled, source);
            OutputStore.Commit published = outcome.commit();
            int added = outcome.committed() ? outcome.summary().added().size() : 0;
            int removed = outcome.committed() ? outcome.summary().removed().size() : 0;
            List<String> backedOut = outcome.backedOut();
            committed = new Row(environment.name(), release, added, removed, published.id(), "no: failed", true,
                    backedOut);
            if (remote.isEmpty()) {
                return new Row(environment.name(), release, added, removed, published.id(), "no remote", false,
                        backedOut);
            }
            if (output == null) {
                return new Row(environment.name(), release, added, removed, published.id(), "no: --no-push",
                        false, backedOut);
            }
            PushResult pushed = output.push(adoptDrift);
            if (pushed instanceof PushResult.Pushed p) {
                return new Row(environment.name(), release, added, removed, p.commit(),
                        p.attempts() > 1 ? "yes, after " + p.attempts() + " tries" : "yes", false, backedOut);
            }
            if (pushed instanceof PushResult.Drifted d) {
                Reports.drift(console, environment.name(), remote.get(), d.drift());
                return new Row(environment.name(), release, added, removed, published.id(), "no: drift", true,
                        backedOut);
            }
            String remoteHead = ((PushResult.UpToDate) pushed).commit();
            return new Row(environment.name(), release, added, removed, remoteHead, "up to date", false,
                    backedOut);
        } catch (PublishException e) {
            console.failure(e.getMessage(), e.hint());
            if (committed == null) {
                // A first run whose remote could not be fetched made an empty repository: nothing
                // half-made is left for the next run to wonder about.
                OutputRepository.removeIfEmpty(directory);
            }
            return committed != null ? committed : new Row(environment.name(), release, 0, 0, "-", "no: failed", true);
        }
    }

    /**
     * Returns whether this workspace's commit comes before the one the remote's head was compiled
     * from: a clone whose pull failed unnoticed would publish an older week over a newer one.
     * Unknown commits (not fetched here) and uncommitted changes on either side say nothing.
     */
    private boolean isBehind(String source, String published) {
        String ours = source.replace("+dirty", "");
        String theirs = published.replace("+dirty", "");
        return workspaceHistory.map(git -> git.isStrictlyBefore(ours, theirs)).orElse(false);
    }

    private Path folderOf(Project project, Environment environment) {
        return folders.folder(environment);
    }

    private static void printTable(Console console, List<Row> rows) {
        String format = "%-16s %-10s %6s %8s  %-12s  %s";
        console.result(String.format(format, "ENVIRONMENT", "RELEASE", "ADDED", "REMOVED", "COMMIT", "PUSHED"));
        for (Row row : rows) {
            console.result(String.format(format, row.environment(), row.release(), "+" + row.added(),
                    "-" + row.removed(), row.commit().length() > 12 ? row.commit().substring(0, 12) : row.commit(),
                    row.pushed()) + (row.backedOut().isEmpty() ? ""
                            // What the output holds, not the database: an apply may have reverted them already.
                            : "; backed out: " + String.join(", ", row.backedOut())
                                    + " (revert kept in warehouse/plan.toml)"));
        }
        long failed = rows.stream().filter(Row::failed).count();
        console.result(String.format("%d environment%s compiled, %d failed", rows.size(), rows.size() == 1 ? "" : "s",
                failed));
    }
}
