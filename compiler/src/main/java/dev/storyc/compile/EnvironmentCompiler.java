package dev.storyc.compile;

import dev.storyc.check.Checks;
import dev.storyc.check.ParseMemo;
import dev.storyc.config.Environment;
import dev.storyc.config.Environments;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Result;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.ContentIds;
import dev.storyc.emit.Memo;
import dev.storyc.emit.OutputTreeBuilder;
import dev.storyc.phi.PhiCache;
import dev.storyc.phi.PhiStage;
import dev.storyc.phi.SqlPhiCache;
import dev.storyc.phi.SqlPhiProtection;
import dev.storyc.render.RenderedStory;
import dev.storyc.release.Selection;
import dev.storyc.release.StorySelector;
import dev.storyc.render.StoryRenderer;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.Story;
import dev.storyc.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiles one environment of a loaded workspace into an output tree: select the release's stories,
 * render them, assemble the tree, then run the cross-layer checks on it. A pure function of its
 * inputs; nothing here reads or writes disk, so every environment can be compiled and checked
 * before any repository is touched.
 */
public final class EnvironmentCompiler {
    private final Workspace workspace;
    private final ContentIds contentIds;
    private final String compilerVersion;
    private final Memo memo;
    private final TemplateRenderer renderer;
    private final OutputTreeBuilder builder;
    private final Checks checks;
    private final PhiCache phiCache = new PhiCache();
    private final SqlPhiCache sqlPhiCache = new SqlPhiCache();

    /**
     * Returns a compiler that checks each environment against all of {@code environments} (for
     * isolation) and against the secret values {@code processEnvironment} provides.
     */
    public EnvironmentCompiler(Workspace workspace, ContentIds contentIds, String compilerVersion,
            Environments environments, Function<String, Optional<String>> processEnvironment) {
        this(workspace, contentIds, compilerVersion, environments, processEnvironment, Memo.NONE);
    }

    /** Returns a compiler that remembers derived files in {@code memo}. */
    public EnvironmentCompiler(Workspace workspace, ContentIds contentIds, String compilerVersion,
            Environments environments, Function<String, Optional<String>> processEnvironment,
            Memo memo) {
        this(workspace, contentIds, compilerVersion, environments, processEnvironment, memo,
                ParseMemo.NONE);
    }

    /**
     * Returns a compiler that remembers derived files in {@code memo} and its checks' parses in
     * {@code parses}.
     */
    public EnvironmentCompiler(Workspace workspace, ContentIds contentIds, String compilerVersion,
            Environments environments, Function<String, Optional<String>> processEnvironment,
            Memo memo, ParseMemo parses) {
        this(workspace, remembered(contentIds), compilerVersion, memo,
                TemplateRenderer.forWorkspace(workspace),
                renderer -> new Checks(workspace, environments, renderer, processEnvironment,
                        parses));
    }

    private EnvironmentCompiler(Workspace workspace, ContentIds contentIds, String compilerVersion,
            Memo memo, TemplateRenderer renderer, Function<TemplateRenderer, Checks> checks) {
        this.workspace = workspace;
        this.contentIds = contentIds;
        this.compilerVersion = compilerVersion;
        this.memo = memo;
        this.renderer = renderer;
        this.builder = new OutputTreeBuilder(workspace.stdlib(), renderer, contentIds,
                compilerVersion, workspace.modelFiles(), memo);
        this.checks = checks.apply(renderer);
    }

    /**
     * Returns another compiler of the same workspace for another thread: its own renderer and
     * tree builder (each serves one environment at a time), this one's compiled templates
     * ({@link TemplateRenderer#sibling}) and checker memory ({@link Checks#sibling}), so parallel
     * jobs compile each template and parse each file once between them.
     */
    EnvironmentCompiler sibling() {
        return new EnvironmentCompiler(workspace, contentIds, compilerVersion, memo,
                renderer.sibling(), checks::sibling);
    }

    /**
     * Returns a compiler that knows no other environment and no secret value, so its isolation and
     * secret checks find nothing; every other check runs.
     */
    public EnvironmentCompiler(Workspace workspace, ContentIds contentIds, String compilerVersion) {
        this(workspace, contentIds, compilerVersion, new Environments(Map.of()),
                name -> Optional.empty());
    }

    /**
     * Returns content ids computed once per story: a story's tree id is the same in every
     * environment, and hashing every story again for each of a dozen environments showed in
     * profiles.
     */
    static ContentIds remembered(ContentIds contentIds) {
        Map<Story, String> ids = new ConcurrentHashMap<>();
        return story -> ids.computeIfAbsent(story, contentIds::treeIdOf);
    }

    /**
     * Drops what was kept to compile the next environment faster (parsed files, see {@link
     * Checks}; compiled story templates; PHI analyses), once none is left to compile: the compiler
     * lives on only to render commit messages, and the outputs are written with this memory free.
     */
    void forgetCompileMemory() {
        checks.forgetParsedFiles();
        renderer.forgetCompiledTemplates();
        phiCache.forget();
        sqlPhiCache.forget();
    }

    /** Returns the workspace compiled: the working tree's, or one with pinned stories. */
    public Workspace workspace() {
        return workspace;
    }

    /** Returns the renderer, shared so that commit messages reuse the compiled templates. */
    public TemplateRenderer renderer() {
        return renderer;
    }

    /** Compiles and checks one environment; errors come back as diagnostics, never thrown. */
    public Result<CompiledEnvironment> compile(Environment environment) {
        Diagnostics diagnostics = new Diagnostics();
        Result<Selection> selection = StorySelector.select(environment, workspace);
        diagnostics.addAll(selection.diagnostics());
        if (!selection.ok()) {
            return Result.failed(diagnostics.all());
        }
        var rendered = StoryRenderer.render(environment, selection.get().stories(), renderer);
        diagnostics.addAll(rendered.diagnostics());
        if (!rendered.ok()) {
            return Result.failed(diagnostics.all());
        }
        Result<PhiStage> phi = PhiStage.prepare(environment, rendered.get(),
                SqlPhiProtection.of(rendered.get(), sqlPhiCache), phiCache);
        diagnostics.addAll(phi.diagnostics());
        if (!phi.ok()) {
            return Result.failed(diagnostics.all());
        }
        // The output holds the treated text; the checks read what the templates wrote, so that
        // they report at the right lines, and the proof reads the treated text.
        List<RenderedStory> treated = phi.get().rewrite(rendered.get());
        var built = builder.build(environment, selection.get(), treated);
        diagnostics.addAll(built.diagnostics());
        if (!built.ok()) {
            return Result.failed(diagnostics.all());
        }
        diagnostics.addAll(checks.check(environment, selection.get(), rendered.get(),
                built.get().tree()));
        diagnostics.addAll(phi.get().prove(rendered.get(), treated, renderer));
        return diagnostics.hasErrors() ? Result.failed(diagnostics.all())
                : Result.of(built.get(), diagnostics);
    }
}
