package dev.storyc.compile;

import dev.storyc.config.Environment;
import dev.storyc.diag.Diagnostics;
import dev.storyc.diag.Result;
import dev.storyc.emit.CompiledEnvironment;
import dev.storyc.emit.ContentIds;
import dev.storyc.emit.OutputTreeBuilder;
import dev.storyc.release.Selection;
import dev.storyc.release.StorySelector;
import dev.storyc.render.StoryRenderer;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.workspace.Workspace;

/**
 * Compiles one environment of a loaded workspace into an output tree: select the release's stories,
 * render them, assemble the tree. A pure function of its inputs; nothing here reads or writes disk.
 */
public final class EnvironmentCompiler {
    private final Workspace workspace;
    private final TemplateRenderer renderer;
    private final OutputTreeBuilder builder;

    public EnvironmentCompiler(Workspace workspace, ContentIds contentIds, String compilerVersion) {
        this.workspace = workspace;
        this.renderer = TemplateRenderer.forWorkspace(workspace);
        this.builder = new OutputTreeBuilder(workspace.stdlib(), renderer, contentIds, compilerVersion);
    }

    /** Returns the renderer, shared so that generated texts (commit messages) reuse compiled templates. */
    public TemplateRenderer renderer() {
        return renderer;
    }

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
        var built = builder.build(environment, selection.get(), rendered.get());
        diagnostics.addAll(built.diagnostics());
        return built.ok() ? Result.of(built.get(), diagnostics) : Result.failed(diagnostics.all());
    }
}
