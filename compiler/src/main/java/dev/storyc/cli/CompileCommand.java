package dev.storyc.cli;

import dev.storyc.cache.CacheStore;
import dev.storyc.cache.CleanRun;
import dev.storyc.compile.OutputCommit;
import dev.storyc.compile.OutputWrites;
import dev.storyc.compile.ProjectCompiler;
import dev.storyc.release.Selection;
import java.util.List;
import java.util.function.Supplier;
import dev.storyc.config.Environment;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.publish.GitContentIds;
import dev.storyc.publish.OutputRepository;
import dev.storyc.publish.PublishException;
import dev.storyc.publish.RepositoryOutputStore;
import dev.storyc.publish.SettledFacts;
import dev.storyc.publish.SourceRevision;
import dev.storyc.workspace.StoryStamps;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code storyc compile}: compiles environments and commits each one's output repository. Every
 * selected environment is compiled and checked before any repository is touched, so a mistake in
 * one environment never leaves the others half-updated.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile environments into their output git repositories.",
                "Makes at most one commit per environment, and none when nothing changed."})
final class CompileCommand implements Callable<Integer> {
    @ParentCommand
    StorycCommand root;

    @Mixin
    EnvironmentOptions environments;

    @Mixin
    FormatOption output;

    @Mixin
    WorkingTreeOption workingTree;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Where output repositories go, one folder per environment; the only way to write"
                    + " outside the workspace. Default: each environment's output.path, else the `output`"
                    + " setting, else out/ in the workspace.")
    Path out;

    @Mixin
    CacheOption cache;

    @Mixin
    JobsOption jobs;

    @Override
    public Integer call() {
        Console console = root.console(output.format);
        OptionalInt jobCount = jobs.parallelism(console);
        if (jobCount.isEmpty()) {
            return ExitCode.USAGE;
        }
        int parallelism = jobCount.getAsInt();
        CacheStore store =
                WorkspaceCache.of(root.projectRoot(), root.settings(), root.processLookup());
        NoOpShortcut shortcut = new NoOpShortcut(store, root.projectRoot(), root.processReads(),
                shortcutOptions(), CompileCommand::replay);
        if (shortcut.answers(console, cache.noCache, () -> root.requireVersion(console))) {
            return ExitCode.OK;
        }
        RememberedManifests manifests =
                RememberedManifests.read(store, root.projectRoot(), !cache.noCache);
        StoryStamps stamps = StoryStamps.begin();
        Project project = root.openProject(console, stamps, manifests);
        var selected = environments.select(project, root.settings(), console);
        var folders = OutputFolders.approve(project, root.settings(), out, selected, console);
        CachedReuse reuse = CachedReuse.writing(store, folders, !cache.noCache,
                workingTree::keptFor);
        var compilation = Compilation.run(project, selected, root.processLookup(), console,
                parallelism, reuse, reuse.storyIds(project, new GitContentIds()));
        folders.require();
        // Asking git for the workspace's status is slow in a large workspace; only a commit message
        // needs it, so a run that reuses every environment never asks.
        Supplier<String> source = memoized(() -> SourceRevision.describe(project.root(), folders.folders().values()));
        OutputWrites.Outcome<Written> written;
        try {
            written = OutputWrites.writeAll(compilation.environments(),
                    new Writer(folders, compilation, source, reuse, parallelism), parallelism);
        } catch (PublishException e) {
            console.failure(e.getMessage(), e.hint());
            return ExitCode.OPERATION_FAILED;
        }
        if (written instanceof OutputWrites.Outcome.Refused<Written> refused) {
            console.failure(refused.problem() + "; nothing was written",
                    "storyc only writes into repositories it created; move the folder away or pass --out DIR");
            return ExitCode.OPERATION_FAILED;
        }
        reuse.rememberChecked(compilation);
        reuse.commit();
        manifests.commit();
        List<Written> results = ((OutputWrites.Outcome.Written<Written>) written).results();
        // Printed in the order selected, whichever environment finished first, with the
        // environments that were up to date in their places.
        UpToDateLines upToDate = new UpToDateLines(selected, compilation.upToDate(), console);
        for (Written result : results) {
            upToDate.printBefore(result.environment());
            console.result(result.line());
        }
        upToDate.printRest();
        long committed = results.stream().filter(result -> result.outcome().committed()).count();
        int compiled = compilation.environments().size() + compilation.upToDate().size();
        console.result(summary(compiled, committed));
        // A run that read a file as git would commit it depends on HEAD and core.autocrlf too,
        // which stamps do not see: it is never replayed.
        if (console.reportedNothing() && !console.verbose() && !stamps.readAnyThroughGit()) {
            shortcut.remember(left(selected, folders, results, compilation.upToDate()),
                    List.copyOf(project.workspace().environmentImports().keySet()), reuse.salt());
        }
        return ExitCode.OK;
    }

    /**
     * Returns what the shortcut's key holds besides the workspace and the build: every option and
     * setting that can change what a compile reads, selects or where it writes.
     */
    private String shortcutOptions() {
        return String.join("\n", "compile",
                "all " + environments.all, "env " + environments.names,
                // Resolved as OutputFolders resolves it, so that a relative --out from another
                // folder is another run.
                "out " + (out == null ? "" : out.toAbsolutePath().normalize()),
                "working-tree " + workingTree.workingTree,
                "settings " + NoOpShortcut.settingsText(root.settings()));
    }

    /** Returns every selected environment as this run left it, in the order selected. */
    private List<NoOpShortcut.Left> left(List<Environment> selected,
            OutputFolders.Approval folders, List<Written> results,
            List<ProjectCompiler.UpToDate> upToDate) {
        java.util.Map<String, NoOpShortcut.Left> byName = new java.util.HashMap<>();
        for (Written result : results) {
            Environment environment = result.environment();
            byName.put(environment.name(), new NoOpShortcut.Left(environment,
                    folders.folder(environment), folders.anchor(),
                    workingTree.keptFor(environment), result.selection(),
                    Optional.of(result.outcome().commit().id())));
        }
        for (ProjectCompiler.UpToDate reused : upToDate) {
            Environment environment = reused.environment();
            byName.put(environment.name(), new NoOpShortcut.Left(environment,
                    folders.folder(environment), folders.anchor(),
                    workingTree.keptFor(environment), reused.selection(),
                    Optional.of(reused.witness())));
        }
        return selected.stream().map(environment -> byName.get(environment.name())).toList();
    }

    /** Prints what the full path prints when every environment's repository is up to date. */
    private static void replay(Console console, List<CleanRun.Output> outputs) {
        for (CleanRun.Output output : outputs) {
            console.result(line("unchanged", output.environment(), output.release(),
                    output.stories(), SettledFacts.headOf(output.facts().orElseThrow()),
                    "no commit"));
        }
        console.result(summary(outputs.size(), 0));
    }

    /** Returns the line that ends a compile's report. */
    static String summary(int compiled, long committed) {
        return compiled + " environment" + (compiled == 1 ? "" : "s") + " compiled, " + committed
                + " committed";
    }

    /** What writing one environment did, and the line that reports it. */
    private record Written(Environment environment, Selection selection,
            OutputCommit.Outcome outcome, String line) {}

    /** Commits each environment into its folder's repository and describes it in one line. */
    private final class Writer implements OutputWrites.Writer<Written, PublishException> {
        private final OutputFolders.Approval folders;
        private final ProjectCompiler.Compiled compilation;
        private final Supplier<String> source;
        private final CachedReuse reuse;
        private final int jobs;

        Writer(OutputFolders.Approval folders, ProjectCompiler.Compiled compilation,
                Supplier<String> source, CachedReuse reuse, int jobs) {
            this.folders = folders;
            this.compilation = compilation;
            this.source = source;
            this.reuse = reuse;
            this.jobs = jobs;
        }

        @Override
        public Optional<String> problemWith(CompiledEnvironment compiled) {
            return OutputRepository.problemWith(folderOf(compiled.environment()));
        }

        @Override
        public Written write(CompiledEnvironment fresh) throws PublishException {
            Environment environment = fresh.environment();
            try (OutputRepository repository = OutputRepository.openOrCreate(folderOf(environment),
                    environment.output().branch(), root.progress(jobs),
                    workingTree.keptFor(environment))) {
                OutputCommit.Outcome outcome = compilation.commit(new RepositoryOutputStore(repository), fresh,
                        source.get());
                reuse.rememberWritten(compilation, environment, outcome.commit().tree());
                return new Written(environment, fresh.selection(), outcome, line(
                        outcome.committed() ? "committed" : "unchanged", environment,
                        fresh.selection(), outcome.commit().id(),
                        outcome.committed() ? outcome.summary().describe(!environment.takesAllStories())
                                : "no commit"));
            }
        }

        private Path folderOf(Environment environment) {
            return folders.folder(environment);
        }
    }

    /**
     * Returns a supplier that asks {@code supplier} once, on first use; synchronized, because
     * parallel writers share it.
     */
    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** Returns the line a compile prints for one environment. */
    static String line(String verb, Environment environment, Selection selection, String commit,
            String what) {
        return line(verb, environment.name(), selection.releaseName(), selection.stories().size(),
                commit, what);
    }

    /** Returns the line a compile prints for one environment, from its parts. */
    static String line(String verb, String environment, String release, int stories,
            String commit, String what) {
        // Padded by hand: a compile with nothing to do prints only these lines, and the first
        // String.format of a run costs more than the rest of printing them.
        StringBuilder line = new StringBuilder(96);
        padded(line, verb, 9).append(' ');
        padded(line, environment, 16).append(' ');
        padded(line, release, 10).append(' ');
        String count = Integer.toString(stories);
        line.append(count.length() < 2 ? " " : "").append(count)
                // Padded to the plural's width, so the commit column stays aligned.
                .append(stories == 1 ? " story    " : " stories  ")
                .append(commit, 0, 12).append("  ").append(what);
        return line.toString();
    }

    /** Appends {@code text} and spaces up to {@code width}, as {@code %-<width>s} would. */
    private static StringBuilder padded(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        return line;
    }

    /**
     * Prints the environments that were up to date, each where it was selected among those that
     * were committed, so the report reads in the same order as when every one was compiled.
     */
    private static final class UpToDateLines {
        private final List<Environment> selected;
        private final java.util.Map<String, ProjectCompiler.UpToDate> pending =
                new java.util.HashMap<>();
        private final Console console;
        private int next;

        UpToDateLines(List<Environment> selected, List<ProjectCompiler.UpToDate> upToDate,
                Console console) {
            this.selected = selected;
            upToDate.forEach(u -> pending.put(u.environment().name(), u));
            this.console = console;
        }

        /** Prints the up-to-date environments selected before {@code environment}. */
        void printBefore(Environment environment) {
            while (next < selected.size()
                    && !selected.get(next).name().equals(environment.name())) {
                print(selected.get(next++));
            }
            if (next < selected.size()) {
                next++;
            }
        }

        /** Prints the up-to-date environments not printed yet. */
        void printRest() {
            while (next < selected.size()) {
                print(selected.get(next++));
            }
        }

        private void print(Environment environment) {
            ProjectCompiler.UpToDate upToDate = pending.remove(environment.name());
            if (upToDate != null) {
                console.result(line("unchanged", environment, upToDate.selection(),
                        upToDate.witness(), "no commit"));
            }
        }
    }
}
