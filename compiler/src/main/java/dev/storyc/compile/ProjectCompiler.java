package dev.storyc.compile;

import dev.storyc.check.Checks;
import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.diag.Diagnostic;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Result;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.ContentIds;
import dev.storyc.release.ReleaseManifest;
import dev.storyc.release.ReleaseParser;
import dev.storyc.release.Selection;
import dev.storyc.release.StorySelector;
import dev.storyc.warehouse.PinnedChangeEdits;
import dev.storyc.workspace.PinnedStories;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.StoryId;
import dev.storyc.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Compiles the selected environments of a project in memory, on up to N threads, and gathers
 * every problem. Nothing is written here: {@code check} stops after this, and {@code compile} and
 * {@code ci} write only when every environment compiled cleanly.
 *
 * <p>An environment on a sealed release compiles its stories from the release's pinned trees
 * (read through {@link PinnedSources}), so it gets one compiler per release; the others share the
 * working tree's. Diagnostics are grouped by the workspace they were found in, because a pinned
 * story's line must be quoted from the pinned text, not from the working tree's version of the
 * same file; within a group, the same problem found in several environments is reported once.
 */
public final class ProjectCompiler {
    private final Inputs inputs;
    private final PinnedSources pinned;
    private final int jobs;
    private final Reuse reuse;
    /** Story content ids, computed once per story for every environment and fingerprint. */
    private final ContentIds contentIds;
    private final SharedTexts sharedTexts = new SharedTexts();

    /**
     * What every environment's compile shares.
     *
     * @param environments all of the project's environments, for the isolation check
     * @param processEnvironment the variables secrets are read from, so the secret check can find
     *     their values in outputs
     */
    public record Inputs(Workspace workspace, Environments environments, ContentIds contentIds,
            String compilerVersion, Function<String, Optional<String>> processEnvironment) {}

    /**
     * The problems found in one version of the workspace (the working tree or a pinned release),
     * merged across environments, with the workspace whose sources they quote.
     */
    public record Findings(Workspace workspace, List<Diagnostic> diagnostics) {}

    /**
     * What a compile produced.
     *
     * @param compiler the working tree's compiler, whose renderer later renders commit messages
     * @param environments the environments that compiled cleanly, in the order they were selected
     * @param findings the working tree's findings first, then each pinned workspace's in the order
     *     its first environment was selected
     * @param failed whether any environment (or a pinned release) had errors
     * @param upToDate the environments {@link Reuse} vouched for, which were not compiled again
     * @param cleanFingerprints the input fingerprint of each environment of {@link #environments}
     *     that compiled without a single diagnostic, by name: what the edge may remember
     */
    public record Compiled(EnvironmentCompiler compiler, List<CompiledEnvironment> environments,
            List<Findings> findings, boolean failed, List<UpToDate> upToDate,
            Map<String, String> cleanFingerprints) {
        public Compiled {
            environments = List.copyOf(environments);
            upToDate = List.copyOf(upToDate);
            cleanFingerprints = Map.copyOf(cleanFingerprints);
        }

        /** Returns a compile in which nothing was reused. */
        public Compiled(EnvironmentCompiler compiler, List<CompiledEnvironment> environments,
                List<Findings> findings, boolean failed) {
            this(compiler, environments, findings, failed, List.of(), Map.of());
        }

        /**
         * Commits one of {@link #environments} into {@code store}, rendering its message with the
         * working tree's templates: a commit message describes the compile, not a pinned story.
         *
         * @param source the workspace revision the commit message names
         */
        public <X extends Exception> OutputCommit.Outcome commit(OutputStore<X> store,
                CompiledEnvironment environment, String source) throws X {
            return OutputCommit.commit(store, environment, compiler.workspace().stdlib(),
                    compiler.renderer(), source);
        }

        /**
         * Returns the stories each environment took, by name, whether compiled or reused: what a
         * report of the whole run names for each environment.
         */
        public Map<String, Selection> selections() {
            Map<String, Selection> selections = new HashMap<>();
            environments.forEach(one -> selections.put(one.environment().name(), one.selection()));
            upToDate.forEach(one -> selections.put(one.environment().name(), one.selection()));
            return selections;
        }

        /** Returns every finding's diagnostics in order, for callers that need no sources. */
        public List<Diagnostic> diagnostics() {
            return findings.stream().flatMap(f -> f.diagnostics().stream()).toList();
        }
    }

    /**
     * Returns a compiler that runs up to {@code jobs} environments at once. A renderer serves one
     * environment at a time, so parallel tasks borrow compilers from a {@link CompilerPool}, which
     * makes at most {@code jobs} per workspace version; one job shares one, so templates compile
     * once.
     */
    public ProjectCompiler(Inputs inputs, PinnedSources pinned, int jobs) {
        this(inputs, pinned, jobs, Reuse.NONE);
    }

    /** Returns a compiler that skips the environments {@code reuse} vouches for. */
    public ProjectCompiler(Inputs inputs, PinnedSources pinned, int jobs, Reuse reuse) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.inputs = inputs;
        this.pinned = pinned;
        this.jobs = jobs;
        this.reuse = reuse;
        this.contentIds = EnvironmentCompiler.remembered(inputs.contentIds());
    }

    /** Compiles and checks {@code selected}; reads pinned trees only for sealed releases. */
    public Compiled compile(List<Environment> selected) {
        EnvironmentCompiler workingTree = compilerFor(inputs.workspace());
        Map<String, Result<EnvironmentCompiler>> pinnedCompilers = new HashMap<>();
        List<Group> groups = new ArrayList<>();
        Group projectWide = Group.of(groups, inputs.workspace());
        boolean failed = false;
        List<Callable<Result<CompiledEnvironment>>> tasks = new ArrayList<>();
        CompilerPool pool = new CompilerPool();
        List<Workspace> taskWorkspaces = new ArrayList<>();
        List<String> taskEnvironments = new ArrayList<>();
        List<String> taskFingerprints = new ArrayList<>();
        Map<Workspace, InputFingerprint> fingerprinters = new IdentityHashMap<>();
        Map<Workspace, ReleaseManifest> pinnedReleases = new IdentityHashMap<>();
        List<UpToDate> upToDate = new ArrayList<>();
        boolean compilesWorkingTree = false;
        for (Environment environment : selected) {
            Optional<ReleaseManifest> sealed = sealedRelease(inputs.workspace(), environment);
            compilesWorkingTree |= sealed.isEmpty();
            Result<EnvironmentCompiler> compiler = sealed.isEmpty()
                    ? Result.of(workingTree, List.of())
                    : pinnedCompilers.computeIfAbsent(sealed.get().name(),
                            name -> pinnedCompiler(sealed.get()));
            compiler.diagnostics().forEach(d -> projectWide.found().add(
                    new SameInEnvironments.Found(Optional.empty(), d)));
            if (!compiler.ok()) {
                failed = true;
                continue;
            }
            Workspace workspace = compiler.get().workspace();
            sealed.ifPresent(release -> pinnedReleases.put(workspace, release));
            String fingerprint = reuse.active() ? fingerprinters
                    .computeIfAbsent(workspace, this::fingerprinter).of(environment) : "";
            Optional<UpToDate> reused = reused(environment, workspace, fingerprint,
                    sealed.map(release -> OutputCommit.releaseTag(release.name())));
            if (reused.isPresent()) {
                upToDate.add(reused.get());
                continue;
            }
            EnvironmentCompiler task = compiler.get();
            pool.add(task);
            taskWorkspaces.add(workspace);
            taskEnvironments.add(environment.name());
            taskFingerprints.add(fingerprint);
            tasks.add(() -> shared(pool.compile(task, environment)));
        }
        if (compilesWorkingTree) {
            PinnedEditsElsewhere.find(inputs.workspace(), inputs.environments(), contentIds, pinned,
                            pinnedCompilers.keySet())
                    .forEach(d -> projectWide.found().add(new SameInEnvironments.Found(Optional.empty(), d)));
        }
        if (selected.stream().anyMatch(Environment::takesAllStories)) {
            for (Diagnostic draft : DraftReleases.check(inputs.workspace(), selected)) {
                projectWide.found().add(new SameInEnvironments.Found(Optional.empty(), draft));
                failed |= draft.isError();
            }
        }
        Map<String, String> clean = new HashMap<>();
        List<CompiledEnvironment> compiled = new ArrayList<>();
        List<Result<CompiledEnvironment>> results = Parallel.all(tasks, jobs);
        // The working tree's compiler lives on to render commit messages, but compiles no more.
        workingTree.forgetCompileMemory();
        for (int i = 0; i < results.size(); i++) {
            Result<CompiledEnvironment> result = results.get(i);
            Optional<String> environment = Optional.of(taskEnvironments.get(i));
            Group group = Group.of(groups, taskWorkspaces.get(i));
            result.diagnostics().forEach(d -> group.found()
                    .add(new SameInEnvironments.Found(environment, d)));
            if (result.ok()) {
                compiled.add(result.get());
                if (reuse.active() && result.diagnostics().isEmpty()) {
                    clean.put(taskEnvironments.get(i), taskFingerprints.get(i));
                }
            } else {
                failed = true;
            }
        }
        List<Findings> findings = groups.stream()
                .map(g -> new Findings(g.workspace(), pinnedReleases.containsKey(g.workspace())
                        ? PinnedDiagnostics.explain(SameInEnvironments.merge(g.found()),
                                pinnedReleases.get(g.workspace()), g.workspace(), inputs.workspace(), contentIds)
                        : SameInEnvironments.merge(g.found())))
                .toList();
        return new Compiled(workingTree, compiled, findings, failed, upToDate, clean);
    }

    /**
     * An environment that was not compiled again: {@link Reuse} vouched that a compile of the same
     * inputs passed every check without a diagnostic.
     *
     * @param witness what it vouched with: the output's head commit, for a command that writes
     */
    public record UpToDate(Environment environment, Selection selection, String witness) {}

    /**
     * Returns the environment as up to date when {@link #reuse} vouches for its fingerprint and its
     * selection, which the report names, is found without a diagnostic (one with a diagnostic is
     * compiled, so the diagnostic is reported).
     */
    private Optional<UpToDate> reused(Environment environment, Workspace workspace,
            String fingerprint, Optional<String> releaseTag) {
        if (!reuse.active()) {
            return Optional.empty();
        }
        Optional<String> witness = reuse.upToDate(environment, fingerprint, releaseTag);
        if (witness.isEmpty()) {
            return Optional.empty();
        }
        Result<Selection> selection = StorySelector.select(environment, workspace);
        if (!selection.ok() || !selection.diagnostics().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UpToDate(environment, selection.get(), witness.get()));
    }

    private InputFingerprint fingerprinter(Workspace workspace) {
        return InputFingerprint.of(workspace, contentIds, inputs.environments(),
                Checks.secretValues(inputs.environments(), inputs.processEnvironment()),
                reuse.salt(), inputs.compilerVersion());
    }

    /**
     * Returns a clean environment with its files shared with the environments compiled before it,
     * in its own task, so that memory holds each distinct file once ({@link SharedTexts}).
     */
    private Result<CompiledEnvironment> shared(Result<CompiledEnvironment> result) {
        return result.ok() ? Result.of(sharedTexts.share(result.get()), result.diagnostics())
                : result;
    }

    /** Diagnostics found in one version of the workspace, before merging. */
    private record Group(Workspace workspace, List<SameInEnvironments.Found> found) {
        /** Returns the group of {@code workspace}, by identity: workspaces are large values. */
        static Group of(List<Group> groups, Workspace workspace) {
            for (Group group : groups) {
                if (group.workspace() == workspace) {
                    return group;
                }
            }
            Group added = new Group(workspace, new ArrayList<>());
            groups.add(added);
            return added;
        }
    }

    /** Returns the environment's release when it is sealed; parse errors surface in the compile. */
    static Optional<ReleaseManifest> sealedRelease(Workspace workspace, Environment environment) {
        if (environment.takesAllStories()
                || !workspace.releases().containsKey(environment.release())) {
            return Optional.empty();
        }
        return ReleaseParser.parse(environment.release(),
                workspace.releases().get(environment.release()), new Diagnostics())
                .filter(ReleaseManifest::isSealed);
    }

    /** Returns the pins of a sealed release, in the order its {@code stories} list names them. */
    static List<PinnedStories.Pin> pinsOf(ReleaseManifest release) {
        return release.stories().stream()
                .filter(entry -> release.pins().containsKey(entry.story()))
                .map(entry -> new PinnedStories.Pin(entry.story(),
                        release.pins().get(entry.story()),
                        release.pinPositions().get(entry.story())))
                .toList();
    }

    private EnvironmentCompiler compilerFor(Workspace workspace) {
        return new EnvironmentCompiler(workspace, contentIds, inputs.compilerVersion(),
                inputs.environments(), inputs.processEnvironment(), reuse.memo(), reuse.parses());
    }

    private Result<EnvironmentCompiler> pinnedCompiler(ReleaseManifest release) {
        Result<Map<StoryId, Story>> stories = pinned.load(release.name(), pinsOf(release));
        if (!stories.ok()) {
            return Result.failed(stories.diagnostics());
        }
        // A pinned change edited on main would be refused by every database that deployed it.
        List<Diagnostic> found = new ArrayList<>(stories.diagnostics());
        found.addAll(PinnedChangeEdits.check(release.name(), inputs.workspace().stories(),
                stories.get()));
        return Result.of(compilerFor(inputs.workspace().withStories(stories.get())), found);
    }
}
