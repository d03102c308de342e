package dev.storyc.emit;

import dev.storyc.config.Environment;
import dev.storyc.config.EnvironmentResolver;
import dev.storyc.config.ProcessValues;
import dev.storyc.diag.Result;
import dev.storyc.release.Selection;
import dev.storyc.release.StorySelector;
import dev.storyc.render.RenderedStory;
import dev.storyc.render.StoryRenderer;
import dev.storyc.render.TemplateRenderer;
import dev.storyc.testing.Checkout;
import dev.storyc.workspace.StdlibLoader;
import dev.storyc.workspace.Workspace;
import dev.storyc.workspace.WorkspaceLoader;

import java.util.List;
import java.util.Map;

/**
 * The negative tests' minimal workspace (stories {@code base} and {@code extra}; environments
 * {@code prod} on release r1 and {@code dev} on all), selected and rendered, ready to emit.
 */
final class MinimalProject {
    static final Workspace WORKSPACE =
            WorkspaceLoader.load(
                            Checkout.root().resolve("compiler/src/test/resources/cases/minimal"),
                            StdlibLoader.load())
                    .get();
    static final TemplateRenderer RENDERER = TemplateRenderer.forWorkspace(WORKSPACE);

    /** Content ids that name the story, so that a lock shows which story each id belongs to. */
    static final ContentIds IDS =
            story -> String.format("%-40s", story.id().value()).replace(' ', '0');

    private MinimalProject() {}

    static Environment environment(String name) {
        return EnvironmentResolver.evaluate(WORKSPACE, ProcessValues.ofEnvironment(Map.of()))
                .get()
                .environments()
                .all()
                .stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static Selection selection(Environment environment) {
        return StorySelector.select(environment, WORKSPACE).get();
    }

    static List<RenderedStory> rendered(Environment environment) {
        Result<List<RenderedStory>> rendered =
                StoryRenderer.render(environment, selection(environment).stories(), RENDERER);
        return rendered.get();
    }

    static CompiledEnvironment built(String name) {
        Environment environment = environment(name);
        return new OutputTreeBuilder(WORKSPACE.stdlib(), RENDERER, IDS, "9.9.9")
                .build(environment, selection(environment), rendered(environment))
                .get();
    }
}
